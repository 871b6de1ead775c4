"""The front door: a data folder loaded, validated, ranked and modelled, once, for everyone who needs it.

The Pelican generator, `make validate` and `make template`, `make bench` and the sample data script all start
here, so that every figure they show comes from the same tables.
"""

from .history import DataHistory, data_history
from .load import load
from .pages import SiteModel
from .ranking import rank_all


def build_model(folder, with_corrections=True, cache=None):
    """The SiteModel of a data folder; raises problems.DataError with every problem of the folder at once.
    with_corrections: read from git which months were corrected after they were published, what changed, and
    when the data last changed (the site says so); cache: the folder where what each version of a file was is kept
    between builds (history.py)."""
    dataset = load(folder)
    rankings = rank_all(dataset.units, dataset.marks)
    history = data_history(folder, rankings.results, dataset.units, cache) if with_corrections else DataHistory()
    return SiteModel(dataset, rankings, history)
