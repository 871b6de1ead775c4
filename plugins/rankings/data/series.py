"""series.csv: the series ranked (police, district administration), checked and made a table."""

from .. import urls
from . import schema
from .checks import bad_ids, control_characters, each_row, empty_cells, repeated, script_problems, undrawable
from .messages import EXPECTED_SERIES_ID_FREE


def check_series(series):
    frame = series.frame
    return [
        *empty_cells(series, schema.SERIES_COLUMNS_REQUIRED),
        *bad_ids(frame, "id"),
        *reserved_ids(frame),
        *repeated(frame, ["id"], "id"),
        *script_problems(frame),
        *control_characters(frame, schema.NAMES),
        *undrawable(frame, schema.NAMES),
    ]


def reserved_ids(frame):
    used = urls.reserved()
    taken = frame["id"].isin(used).to_numpy()
    return each_row(frame, taken, "id", EXPECTED_SERIES_ID_FREE, lambda row: {"used": ", ".join(sorted(used))})


def series_frame(frame):
    series = frame.set_index("id")[list(schema.NAMES)].astype("str")
    series.index = series.index.astype("str")
    return series
