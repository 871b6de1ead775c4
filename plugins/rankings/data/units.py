"""units.csv: every unit's id, level, names, parent, earlier ids and counterpart, checked and made a table."""

import pandas as pd

from .. import urls
from . import schema
from .checks import (bad_ids, control_characters, each_row, empty_cells, first_of_each_unit, repeated,
                    script_problems, undrawable)
from .messages import (EXPECTED_COUNTERPART, EXPECTED_COUNTERPART_LEVEL, EXPECTED_COUNTERPART_OF_DISTRICT,
                       EXPECTED_COUNTERPART_ONCE, EXPECTED_COUNTERPART_OTHER, EXPECTED_FORMER_ID,
                       EXPECTED_FORMER_ID_ONCE, EXPECTED_ID, EXPECTED_ID_LENGTH, EXPECTED_LEVEL, EXPECTED_NO_CYCLE,
                       EXPECTED_NO_PARENT, EXPECTED_OTHER_NAMES, EXPECTED_PARENT, EXPECTED_PARENT_GIVEN,
                       EXPECTED_PARENT_LEVEL, EXPECTED_UNIT_ID_FREE)
from .problems import Problem
from .reader import filled
from .vocabulary import LEVEL_IDS


def anchor_ids(frame):
    """A unit's row on a month page has its id as anchor (/police/2025-10/#<id>): an id may not be one of the
    page's own anchors."""
    used, prefix = urls.MONTH_PAGE_ANCHORS, urls.GROUP_ANCHOR_PREFIX
    taken = (frame["id"].isin(used) | frame["id"].str.startswith(prefix, na=False)).to_numpy()
    return each_row(frame, taken, "id", EXPECTED_UNIT_ID_FREE, lambda row: {"used": ", ".join(used), "prefix": prefix})


def check_units(units):
    frame = units.frame
    return [
        *empty_cells(units, schema.UNIT_COLUMNS_REQUIRED),
        *bad_ids(frame, "id"),
        *anchor_ids(frame),
        *repeated(frame, ["id"], "id"),
        *level_problems(frame),
        *parent_problems(frame),
        *cycle_problems(frame),
        *script_problems(frame),
        *control_characters(frame, [*schema.NAMES, "other_names"]),
        *undrawable(frame, [*schema.NAMES, "other_names"]),
        *other_names_problems(frame),
        *former_id_problems(frame),
        *counterpart_problems(frame),
    ]


def other_names_problems(frame):
    """Other names are separated by single "|", none empty ("Allahabad||Prayag", a "|" at either end)."""
    given = frame["other_names"].where(filled(frame, "other_names"), "")
    bad = given.map(lambda text: bool(text) and any(not name.strip()
                                                    for name in text.split(schema.OTHER_NAMES_SEPARATOR)))
    return each_row(frame, bad.to_numpy(), "other_names", EXPECTED_OTHER_NAMES)


def other_names(text):
    """A cell of other_names as names: ("Allahabad", "इलाहाबाद")."""
    if not isinstance(text, str):
        return ()
    return tuple(" ".join(name.split()) for name in text.split(schema.OTHER_NAMES_SEPARATOR) if name.strip())


def level_problems(frame):
    bad = filled(frame, "level") & ~frame["level"].isin(LEVEL_IDS).to_numpy()
    return each_row(frame, bad, "level", EXPECTED_LEVEL, lambda row: {"levels": ", ".join(LEVEL_IDS)})


def parent_problems(frame):
    """A parent must exist and be of the level above; zones have none, ranges, tehsils and stations must."""
    units = first_of_each_unit(frame)
    frame = frame.assign(parent=frame["parent"].fillna(""))
    parent, level = frame["parent"], frame["level"]
    has_parent = parent.ne("").to_numpy()
    known_level = level.isin(LEVEL_IDS).to_numpy()
    expected_level = level.map(schema.PARENT_LEVEL)
    parent_level = parent.map(units["level"]).where(lambda levels: levels.isin(LEVEL_IDS))
    frame = frame.assign(actual=parent_level, parent_level=expected_level)

    at_top = has_parent & known_level & expected_level.isna().to_numpy()
    unknown = has_parent & ~at_top & ~parent.isin(units.index).to_numpy()
    wrong_level = (parent_level.notna() & expected_level.notna() & parent_level.ne(expected_level)).to_numpy()
    missing = ~has_parent & level.isin(schema.PARENT_REQUIRED).to_numpy()

    yield from each_row(frame, at_top, "parent", EXPECTED_NO_PARENT, lambda row: {"level": row["level"]})
    yield from each_row(frame, unknown, "parent", EXPECTED_PARENT)
    yield from each_row(
        frame, wrong_level, "parent", EXPECTED_PARENT_LEVEL,
        lambda row: {key: row[key] for key in ("level", "parent_level", "parent", "actual")},
    )
    yield from each_row(
        frame, missing, "parent", EXPECTED_PARENT_GIVEN,
        lambda row: {key: row[key] for key in ("level", "parent_level")},
    )


def cycle_problems(frame):
    """Each circle of parents once, on the line of its first unit in the file."""
    units = first_of_each_unit(frame)
    parent_of = units["parent"].fillna("")
    parent_of = parent_of[parent_of.isin(units.index)].to_dict()
    for cycle in parent_cycles(parent_of):
        start = min(cycle, key=lambda unit: units.at[unit, "line"])
        turn = cycle.index(start)
        chain = cycle[turn:] + cycle[:turn] + [start]
        yield Problem(
            units.at[start, "file"], int(units.at[start, "line"]), "parent", parent_of[start],
            EXPECTED_NO_CYCLE, {"chain": " → ".join(chain)},
        )


def parent_cycles(parent_of):
    """Every circle in the {unit: parent} map, each as a list of its units from child to parent."""
    cycles = []
    done = set()
    for start in parent_of:
        path, position = [], {}
        unit = start
        while unit in parent_of and unit not in done:
            if unit in position:
                cycles.append(path[position[unit]:])
                break
            position[unit] = len(path)
            path.append(unit)
            unit = parent_of[unit]
        done.update(path)
    return cycles


def former_ids(frame):
    """One row per earlier id a unit lists: file, line, id (the unit's), former."""
    given = frame.loc[filled(frame, "formerly"), ["file", "line", "id", "formerly"]]
    former = given.assign(former=given["formerly"].str.split()).explode("former")
    return former.drop_duplicates(["line", "former"]).reset_index(drop=True)


def former_id_problems(frame):
    """Earlier ids keep old URLs alive: each must look like an id, be no unit's id now, and belong to one unit."""
    units = first_of_each_unit(frame)
    former = former_ids(frame)
    claims = former.groupby("former")
    former = former.assign(first_line=claims["line"].transform("min"), first_unit=claims["id"].transform("first"))

    pattern = former["former"].str.fullmatch(schema.ID_PATTERN.pattern).to_numpy(dtype=bool)
    too_long = pattern & former["former"].str.len().gt(schema.ID_MAX_LENGTH).to_numpy(dtype=bool)
    well_formed = pattern & ~too_long
    current = well_formed & former["former"].isin(units.index).to_numpy()
    twice = well_formed & ~current & former.duplicated("former").to_numpy()

    value = lambda row: row["former"]  # noqa: E731 - the one earlier id, not the whole cell
    yield from each_row(former, ~pattern, "formerly", EXPECTED_ID, value=value)
    yield from each_row(former, too_long, "formerly", EXPECTED_ID_LENGTH, lambda row: {"limit": schema.ID_MAX_LENGTH},
                        value=value)
    yield from each_row(
        former, current, "formerly", EXPECTED_FORMER_ID,
        lambda row: {"unit_line": int(units.at[row["former"], "line"])}, value=value,
    )
    yield from each_row(
        former, twice, "formerly", EXPECTED_FORMER_ID_ONCE,
        lambda row: {"unit": row["first_unit"], "first_line": row["first_line"]}, value=value,
    )


def counterpart_problems(frame):
    """A counterpart links two district-level units both ways: given on either side (or on both, alike), it must
    be another district-level unit, and each unit has one counterpart at most."""
    units = first_of_each_unit(frame)
    given = frame.loc[filled(frame, "counterpart")]
    other_level = given["counterpart"].map(units["level"])
    known = given["counterpart"].isin(units.index).to_numpy()
    of_district = given["level"].eq(schema.COUNTERPART_LEVEL).to_numpy()
    itself = given["counterpart"].eq(given["id"]).to_numpy()
    wrong_level = known & ~itself & other_level.ne(schema.COUNTERPART_LEVEL).to_numpy()
    given = given.assign(actual=other_level)
    yield from each_row(given, ~of_district, "counterpart", EXPECTED_COUNTERPART_OF_DISTRICT)
    yield from each_row(given, of_district & ~known, "counterpart", EXPECTED_COUNTERPART)
    yield from each_row(given, of_district & itself, "counterpart", EXPECTED_COUNTERPART_OTHER)
    yield from each_row(given, of_district & wrong_level, "counterpart", EXPECTED_COUNTERPART_LEVEL,
                        lambda row: {"counterpart": row["counterpart"], "actual": row["actual"]})
    # Pairs in file order; a pair given on both sides is one pair. A unit in a second pair is told on the line
    # that pairs it again.
    paired = {}  # unit id → (the other unit, line)
    for row in given.loc[of_district & known & ~itself & ~wrong_level].to_dict("records"):
        one, other = row["id"], row["counterpart"]
        if paired.get(one, (other,))[0] == other and paired.get(other, (one,))[0] == one:
            paired.setdefault(one, (other, row["line"]))
            paired.setdefault(other, (one, row["line"]))
            continue
        clash = one if paired.get(one, (other,))[0] != other else other
        first, first_line = paired[clash]
        yield Problem(row["file"], int(row["line"]), "counterpart", other, EXPECTED_COUNTERPART_ONCE,
                      {"unit": clash, "other": first, "first_line": int(first_line)})


def counterparts(frame):
    """{unit id: its counterpart}, both ways, from a checked units.csv."""
    pairs = {}
    for one, other in frame.loc[filled(frame, "counterpart"), ["id", "counterpart"]].itertuples(index=False):
        pairs[one], pairs[other] = other, one
    return pairs


def units_frame(frame):
    units = frame.set_index("id")[["level", "parent", *schema.NAMES, "formerly", "other_names"]]
    units = units.astype({column: "str" for column in ("level", "parent", *schema.NAMES)})
    units["formerly"] = pd.Series([tuple(ids) for ids in units["formerly"].fillna("").str.split()],
                                  index=units.index, dtype=object)
    units["other_names"] = pd.Series([other_names(text) for text in units["other_names"]], index=units.index,
                                     dtype=object)
    pairs = counterparts(frame)
    units["counterpart"] = pd.Series([pairs.get(unit_id) for unit_id in units.index], index=units.index, dtype=object)
    units.index = units.index.astype("str")
    return units
