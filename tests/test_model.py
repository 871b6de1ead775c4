"""One model (model.build_model), computed once: the published percent of every unit-month is the same in the
page tables, the chart data and the CSV downloads, and the counts and lowest units come from ranking.py."""

import re
import shutil
from decimal import Decimal

import pytest

from rankings.render.charts.kinds import spec_of
from rankings.site.model import build_model
from sitebuild import FIXTURES, build, read, read_csv


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """The small fixture with a percent that ends in 5 at the third place: 1/32 = 3.125 %, which rounds half up
    to 3.13 (a float rounded to two places says 3.12)."""
    folder = tmp_path_factory.mktemp("model") / "data"
    shutil.copytree(FIXTURES / "small", folder)
    month = folder / "police" / "2024-12.csv"
    month.write_text(month.read_text().replace("kanpur-dehat-akbarpur,88,90", "kanpur-dehat-akbarpur,1,32"))
    return folder


@pytest.fixture(scope="module")
def site(data, tmp_path_factory):
    return build(data, tmp_path_factory.mktemp("model-site") / "output")


def as_decimal(text):
    return Decimal(text.replace(",", "").rstrip("%"))


def history_table_percents(html):
    """{(series, month): percent as shown} from a unit page's history tables."""
    found = {}
    for series, month, percent in re.findall(
            r'<th scope="row"><a href="[^"]*/([a-z0-9-]+)/(\d{4}-\d{2})/">[^<]+</a><td>(?:(?!<td).)*<td>([^<\n]+)',
            html):  # month, rank, percent, …
        found[(series, month)] = percent
    return found


def month_table_percents(html):
    """{unit id: percent as shown} from a month page's ranking tables, and from its lists of units at rank 1,
    where the percent they share is said once above their names."""
    shown = dict(re.findall(r'<th(?: id="[a-z0-9-]+")? scope="row"><a href="[^"]*/([a-z0-9-]+)/">[^<]+</a><td>([^<\n]+)',
                            html))  # rank, name, percent, …
    for percent, names in re.findall(r'<dt>Percent</dt><dd>([^<]+)</dd></div></dl>\n<ul class="names">(.*?)</ul>', html):
        for unit_id in re.findall(r'<a id="[a-z0-9-]+" href="[^"]*/([a-z0-9-]+)/">', names):
            assert unit_id not in shown
            shown[unit_id] = percent
    return shown


def test_every_unit_month_has_one_percent_in_tables_charts_and_downloads(data, site):
    model = build_model(data, with_corrections=False)
    published = {(row["series"], row["month"], row["unit_id"]): row["percent"] for row in model.rows}
    assert str(published[("police", "2024-12", "kanpur-dehat-akbarpur")]) == "3.13"

    checked = 0
    for page in model.pages():
        if page.template != "unit.html":
            continue
        unit_id = page.path.split("/")[1]
        html = read(site, "en/" + page.path)
        shown = history_table_percents(html)
        for stem, chart in page.charts.items():
            if chart["kind"] != "history":
                continue
            series = stem.removesuffix("-history")
            for row in spec_of(chart)["datasets"]["rows"]:
                if row["percent"] is None:
                    continue
                month = row["month"][:7]
                csv = next(r for r in read_csv(site, f"data/{series}/{month}.csv") if r["unit_id"] == unit_id)
                expected = published[(series, month, unit_id)]
                assert Decimal(str(row["percent"])) == expected, (unit_id, month, "chart")
                assert Decimal(csv["percent"]) == expected, (unit_id, month, "csv")
                assert as_decimal(shown[(series, month)]) == expected, (unit_id, month, "unit page table")
                checked += 1
    assert checked == sum(1 for key in published if model.units[key[2]]["level"])

    for series in model.series:
        for month in series["months"]:
            shown = month_table_percents(read(site, f"en/{series['id']}/{month}/"))
            for (s, m, unit_id), expected in published.items():
                if (s, m) == (series["id"], month):
                    assert as_decimal(shown[unit_id]) == expected, (s, m, unit_id, "month page table")


def test_counts_and_lowest_come_from_the_ranking(data):
    model = build_model(data, with_corrections=False)
    # police 2024-12 stations: five at 90/90, Chaubepur 83.96 %, Akbarpur 3.13 %.
    assert model.counts("police", "2024-12", "station") == (5, 7)
    assert model.counts("police", "2024-12", "station", within="kanpur-commissionerate") == (3, 4)
    assert [row["unit_id"] for row in model.lowest("police", "2024-12", "station")] == [
        "kanpur-dehat-akbarpur", "kanpur-commissionerate-chaubepur"]
    month = next(page for page in model.pages() if page.path == "police/2024-12/")
    stations = next(block for block in month.model["levels"] if block["level"] == "station")
    assert (stations["at_rank_1"], stations["ranked"]) == (5, 7)
    by_parent = {group["parent"]["id"]: (group["at_rank_1"], group["ranked"]) for group in stations["groups"]}
    assert by_parent == {"kanpur-commissionerate": (3, 4), "kanpur-dehat": (0, 1), "etawah": (1, 1), "mathura": (1, 1)}
    # Page models are plain data: no chart spec, only what the chart shows.
    assert set(month.charts["station-bands"]) == {"kind", "level", "counts"}
