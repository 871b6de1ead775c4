"""The front door: a data folder loaded, validated, ranked and modelled, once, for everyone who needs it.

The Pelican generator, `make validate` and `make template`, `make bench` and the sample data script all start
here, so that every figure they show comes from the same tables.
"""

from .history import corrections
from .load import load
from .pages import SiteModel
from .ranking import rank_all


def build_model(folder, with_corrections=True):
    """The SiteModel of a data folder; raises problems.DataError with every problem of the folder at once.
    with_corrections: read from git which months were corrected after they were published (the site says so)."""
    dataset = load(folder)
    rankings = rank_all(dataset.units, dataset.marks)
    return SiteModel(dataset, rankings, corrected=corrections(folder) if with_corrections else {})
