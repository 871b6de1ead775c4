"""Names staff taught: sheet_names.csv in the data folder, a line for each spelling a sheet uses for a unit that its
own names (units.csv's name_hi, name_en, other_names) do not reach: `unit_id,name`. A taught name is matched as
the unit's own names are, among the units a row may be (a station's among its district's), so "कोतवाली" taught to
one district's station is that station only there. Unlike other_names, the site does not search them.
"""

from ..problems import Problem
from ..reader import read_cells
from . import messages as m
from .names import key

TAUGHT_FILE = "sheet_names.csv"
TAUGHT_COLUMNS = ("unit_id", "name")


def read_taught(folder, dataset, problems):
    """{unit id: [names]} from sheet_names.csv ({} without it); its problems added."""
    if not (folder / TAUGHT_FILE).is_file():
        return {}
    taught, owners = {}, {}
    units = dataset.units
    frame = read_cells(folder, [TAUGHT_FILE], TAUGHT_COLUMNS, TAUGHT_COLUMNS, problems).frame
    for row in frame.itertuples():
        unit_id, name = row.unit_id, row.name
        if not isinstance(unit_id, str) or unit_id not in units.index or not isinstance(name, str):
            problems.append(Problem(TAUGHT_FILE, row.line, None, f"{unit_id},{name}", m.EXPECTED_TAUGHT))
            continue
        parent = units.at[unit_id, "parent"]
        place = (units.at[unit_id, "level"], parent if isinstance(parent, str) else None, key(name).replace(" ", ""))
        other = owners.setdefault(place, unit_id)
        if other != unit_id:
            problems.append(Problem(TAUGHT_FILE, row.line, None, name, m.EXPECTED_TAUGHT_ONCE,
                                    {"units": f"{other}, {unit_id}"}))
            continue
        taught.setdefault(unit_id, []).append(name)
    return taught
