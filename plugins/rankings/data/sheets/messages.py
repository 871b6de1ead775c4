"""What importing a sheet expects, for each kind of problem (as data/messages.py for the data folder): English with
%(name)s placeholders, marked for extraction, told in the staff's language."""

from ..vocabulary import N_

EXPECTED_SHEET = N_("a sheet as the state sends it: .xlsx, .xls, .ods, .csv or .txt, a web page (.html) or a PDF "
                    "(%(error)s)")
EXPECTED_SHEET_FILE = N_("a file that exists")
EXPECTED_HEADER = N_("a header row naming the columns, such as क्र0सं0, जनपद, थाना, प्राप्तांक, पूर्णांक, प्रतिशत, "
                     "रैंक (or S.No., District, Police Station, Marks obtained, Maximum marks, %%, Rank); none was "
                     "found in this table")
EXPECTED_PLACED = N_("a column holding the %(field)s; no header names it (the headers are: %(headers)s). Say which "
                     "column it is, by its header or by its letter (A for the first): COLUMNS=\"%(option)s=%(example)s\"")
EXPECTED_LEVEL = N_("a table whose names are of one level (zones, ranges, districts, stations or tehsils); its "
                    "header does not say, and its names do not tell")
EXPECTED_NAME = N_("the name of a unit; this row has numbers but no name")
EXPECTED_DISTRICT = N_("the name of a district or commissionerate; none is called so. Nearest: %(nearest)s")
EXPECTED_UNIT = N_("the name of a %(level)s; none is called so. Nearest: %(nearest)s. If it is one of them, teach "
                   "the name once: add the line %(line)s to sheet_names.csv (with that unit's id)")
EXPECTED_UNIT_IN = N_("the name of a %(level)s in %(district)s; none there is called so. Nearest: %(nearest)s. If it "
                      "is one of them, teach the name once: add the line %(line)s to sheet_names.csv (with that "
                      "unit's id)")
EXPECTED_UNIT_ELSEWHERE = N_("the name of a %(level)s in %(district)s; none there is called so, but %(count)s in other "
                             "districts are: %(units)s. Is the row's district right?")
EXPECTED_ONE_UNIT = N_("a name that is one unit's; %(count)s units are called so (%(units)s…): give the row its "
                       "district, or write the name as units.csv does")
EXPECTED_ONCE = N_("each unit once; this row is %(unit)s again (line %(other)s)")
EXPECTED_NUMBER = N_("a number")
EXPECTED_WITHIN = N_("marks no more than the maximum marks, %(max)s")
EXPECTED_POSITIVE = N_("maximum marks above 0")
EXPECTED_PERCENT = N_("%(computed)s, the marks as a percent of the maximum (%(marks)s ÷ %(max)s × 100) to the "
                      "decimals printed; a percent that differs means one of the three was typed wrong")
EXPECTED_RANK = N_("a rank: a whole number from 1")
EXPECTED_RANKED = N_("every unit ranked in %(previous)s; %(unit)s is not in the sheet. If it was left out on "
                     "purpose, say so: LEFT_OUT=\"%(id)s\"")
EXPECTED_LEFT_OUT = N_("the id of a unit ranked in %(previous)s and not in the sheet, for LEFT_OUT")
EXPECTED_TAUGHT = N_("a line of sheet_names.csv: a unit's id from units.csv, then a name")
EXPECTED_TAUGHT_ONCE = N_("each name once among the units of one district; %(units)s are both taught it")
EXPECTED_COLUMN_OPTION = N_("COLUMNS as field=column pairs separated by “;”, a column by its header or its letter, "
                            "the fields being %(fields)s; for example COLUMNS=\"marks=E; max_marks=पूर्ण अंक\"")
