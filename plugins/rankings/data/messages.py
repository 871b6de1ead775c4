"""What validation expects, for each kind of problem: the words staff read (Hindi in the catalog), one per kind.

Each is an English message with %(name)s placeholders, marked with N_ for extraction and translated only when a
problem is told (problems.describe). The checks (folder, reader, units, series, marks) name them.
"""

from .vocabulary import N_

# Whole files and folders
EXPECTED_UTF8_NOT_UTF16 = N_(
    "a file saved as “CSV UTF-8”; this one was saved as UTF-16 (“Unicode text”): "
    "open it and save it again as “CSV UTF-8”"
)
EXPECTED_UTF8_NOT_LEGACY = N_(
    "a file saved as “CSV UTF-8”; this one is in an older encoding and cannot be read from this line on: "
    "open it and save it again as “CSV UTF-8”"
)
EXPECTED_CSV = N_("a CSV file: save the spreadsheet as “CSV UTF-8”, named after its month (for example 2024-12.csv); "
                 "or put the sheet as the state sent it in %(incoming)s, to be imported")
EXPECTED_READABLE_CSV = N_("a CSV file that can be read (%(error)s)")
EXPECTED_CLOSING_QUOTE = N_("a closing quote mark (\") for the one that opens a cell on this line")
EXPECTED_FILE = N_("this file in the data folder; it is required")
EXPECTED_MONTH_NAME = N_("a file named after a real month, YYYY-MM.csv, for example 2024-12.csv")
EXPECTED_MONTH_IN_RANGE = N_(
    "a month from %(first)s, when the IGRS rankings began, to %(last)s, this month: "
    "a month before or after that is most likely a typo in the file's name"
)
EXPECTED_ROWS = N_("a row for each unit ranked that month; this file has only its header")
EXPECTED_READABLE_FILE = N_("a file that can be read (%(error)s)")
EXPECTED_INSIDE_FOLDER = N_("a file or folder inside the data folder; this is a link to somewhere outside it")
EXPECTED_SERIES_ID_FREE = N_("an id that is not a path the site uses itself (%(used)s)")
EXPECTED_UNIT_ID_FREE = N_("an id that is not an anchor the month pages use themselves (%(used)s, or beginning "
                           "with %(prefix)s)")
EXPECTED_ID_LENGTH = N_("an id of at most %(limit)s characters")
EXPECTED_NO_CONTROL = N_("text without control characters (invisible codes such as NUL or ESC)")
EXPECTED_SERIES_FOLDER = N_("a folder named after a series id in series.csv (%(series)s)")

# The header row
EXPECTED_COLUMN = N_("a column named %(column)s; it is required")
EXPECTED_KNOWN_COLUMN = N_("one of the columns this file may have: %(known)s")
EXPECTED_KNOWN_COLUMN_LIKE = N_("one of the columns this file may have; did you mean %(suggestion)s?")
EXPECTED_COLUMN_ONCE = N_("each column once; column %(first)s has the same name")
EXPECTED_COLUMN_NAME = N_("a name in the header row for column %(letter)s, which has values")

# Cells
EXPECTED_VALUE = N_("a value; this cell must not be empty")
EXPECTED_ID = N_("an id of small letters a–z and digits, words joined by single hyphens, for example kanpur-nagar")
EXPECTED_ID_ONCE = N_("each id only once; it is already on line %(first_line)s")
EXPECTED_LEVEL = N_("one of the levels %(levels)s")
EXPECTED_PARENT = N_("the id of a unit in units.csv")
EXPECTED_PARENT_LEVEL = N_(
    "the id of a %(parent_level)s: the parent of a %(level)s is a %(parent_level)s, and %(parent)s is a %(actual)s"
)
EXPECTED_NO_PARENT = N_("an empty cell: a %(level)s has no parent")
EXPECTED_PARENT_GIVEN = N_("the id of the %(parent_level)s this %(level)s belongs to")
EXPECTED_NO_CYCLE = N_("a chain of parents that ends at the top; this one goes round in a circle: %(chain)s")
EXPECTED_DEVANAGARI = N_(
    "Hindi in Unicode Devanagari; this looks typed in a legacy font such as Kruti Dev: type it again in Unicode"
)
EXPECTED_DEVANAGARI_NOT_LOST = N_(
    "Hindi in Unicode Devanagari; the Hindi letters became “?” when the file was saved: "
    "type them again and save the file as “CSV UTF-8”"
)
EXPECTED_OTHER_NAMES = N_("other names separated by a single “|”, none of them empty, for example Allahabad|इलाहाबाद")
EXPECTED_FORMER_ID = N_("an earlier id that no unit has now; it is the id of the unit on line %(unit_line)s")
EXPECTED_FORMER_ID_ONCE = N_("an earlier id of one unit only; %(unit)s on line %(first_line)s lists it too")
EXPECTED_COUNTERPART = N_(
    "the id of a district-level unit in units.csv that covers the same area in the other hierarchy "
    "(a police commissionerate, or the revenue district it polices)"
)
EXPECTED_COUNTERPART_OF_DISTRICT = N_(
    "an empty cell: only a district-level unit (a police commissionerate or a revenue district) has a counterpart"
)
EXPECTED_COUNTERPART_OTHER = N_("the id of another unit; a unit is not its own counterpart")
EXPECTED_COUNTERPART_LEVEL = N_("the id of a district-level unit; %(counterpart)s is a %(actual)s")
EXPECTED_COUNTERPART_ONCE = N_(
    "one counterpart per unit: %(unit)s is already paired with %(other)s on line %(first_line)s"
)
EXPECTED_UNIT = N_("a unit id from units.csv")
EXPECTED_CURRENT_UNIT = N_("the unit's current id, %(current)s; this is its earlier id")
EXPECTED_MARKS_UP_TO = N_("a number ≥ 0 and ≤ max_marks (%(max_marks)s)")
EXPECTED_MARKS = N_("a number ≥ 0")
EXPECTED_MAX_MARKS = N_("a number > 0 and at most %(limit)s")
EXPECTED_RANK = N_("a whole number from 1 to %(limit)s, or an empty cell")
EXPECTED_RANK_OF_RANKED = N_(
    "a rank from 1 to %(count)s: this file ranks %(count)s units of this unit's level, so no rank can be larger"
)
EXPECTED_COUNT = N_("a whole number from 0 to %(limit)s, or an empty cell")
EXPECTED_COUNT_UP_TO = N_("at most %(bound_column)s (%(bound)s)")
EXPECTED_SAME_AS_UNITS = N_(
    "what units.csv says for %(unit_id)s: “%(units_value)s”; was this row filled in against the wrong unit?"
)

# The district map's tiles (tiles.csv)
EXPECTED_TILE_DISTRICT = N_("the id of a district-level unit: the map has a tile for each district; this is a %(actual)s")
EXPECTED_TILE_LABEL = N_(
    "a label that fits inside its tile: even at its smallest this one is %(width)s pixels wide, and the tile has "
    "room for %(room)s; write a shorter form of the name (cut words ending with a full stop: Kanpur N., Muzaffarna.)"
)
EXPECTED_DRAWABLE = N_(
    "text the site's fonts can draw: %(characters)s would show as empty boxes on the pictures (an emoji, or "
    "another script); write the name in Hindi or English letters"
)
EXPECTED_TILE_PLACE = N_("a whole number from 0 to %(limit)s: the tile's place on the map's grid")
EXPECTED_TILE_FREE = N_(
    "a place no other tile has; %(unit)s on line %(first_line)s is at column %(column)s, row %(row)s"
)
EXPECTED_TILE_PAIR_ONCE = N_(
    "one tile for a district and its counterpart, and %(counterpart)s on line %(first_line)s has it: "
    "a police commissionerate takes the tile of the revenue district it polices"
)
EXPECTED_TILE_FOR_EVERY_DISTRICT = N_(
    "a row for this district-level unit of units.csv, or for its counterpart: every district has a tile on the map"
)
