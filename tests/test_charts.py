"""Charts: the specs say what the issue asks (rank 1 at the top, gaps, bands), and rendering is cached."""

import json
import logging
import re
from decimal import Decimal

import pytest

from rankings.render.charts.files import localise
from rankings.render.charts.kinds import bands_spec, chart_key, history_spec, rank_ticks, spec_of
from rankings.render.charts.pool import render_all
from rankings.render.charts.vega import tidy_svg
from rankings.site.chart_data import BANDS, band_counts
from rankings.data.decimals import round_percent
from rankings.data.months import calendar_months, next_month
from rankings.render.charts.style import RANK_PANEL_HEIGHT
from sitebuild import FIXTURES, build, read


def test_rank_axis_starts_at_1_and_is_reversed():
    assert rank_ticks(1) == [1]
    assert rank_ticks(5) == [1, 2, 3, 4, 5]
    assert rank_ticks(75) == [1, 20, 40, 75]  # it ended at 60: rank 75 read as 65; 60 would crowd 75's label
    assert rank_ticks(52) == [1, 20, 40, 52]
    for lowest in (7, 52, 75, 139, 1560):
        ticks = rank_ticks(lowest)
        assert ticks[0] == 1 and ticks[-1] == lowest and 3 <= len(ticks) <= 8
        at = [(tick - 1) / (lowest - 1) * RANK_PANEL_HEIGHT for tick in ticks]  # pixels down the rank panel
        assert all(b - a >= 13 for a, b in zip(at, at[1:])), (lowest, ticks)
        assert all(b > a for a, b in zip(ticks, ticks[1:]))
    history = [{"month": "2024-12", "rank": 49, "ranked_in_level": 75, "percent": round_percent(115, 130),
                "level_median": Decimal("92.31")},
               {"month": "2024-10", "rank": 74, "ranked_in_level": 75, "percent": round_percent(100, 130),
                "level_median": Decimal("95")}]
    spec = history_spec(history, calendar_months("2024-10", "2024-12"), unpublished=["2024-11"], with_rank=True)
    percent_panel, rank_panel = spec["vconcat"]
    for layer in rank_panel["layer"]:
        rank_y = layer["encoding"]["y"]
        assert rank_y["scale"]["reverse"] is True and rank_y["scale"]["domain"] == [1, 75]
        assert rank_y["axis"]["values"][0] == 1
    # Percent is the main line, from the lowest ten below it (70 for 76.92 %) to 100.
    assert [layer["encoding"]["y"]["field"] for layer in percent_panel["layer"][1:]] == ["median", "percent", "percent"]
    assert percent_panel["layer"][2]["encoding"]["y"]["scale"]["domain"] == [70, 100]
    # November was not published: a row without values, so the lines break there, shaded; October and December
    # stand alone between gaps, so they get a point.
    assert spec["datasets"]["rows"] == [
        {"month": "2024-10-01", "rank": 74, "percent": 76.92, "median": 95.0, "unpublished": False, "alone": True},
        {"month": "2024-11-01", "rank": None, "percent": None, "median": None, "unpublished": True, "alone": False},
        {"month": "2024-12-01", "rank": 49, "percent": 88.46, "median": 92.31, "unpublished": False, "alone": True},
    ]


def test_a_station_chart_is_its_percent_beside_the_median_without_the_rank():
    """Among 1,575 stations, most of them sharing rank 1, a rank line would jump from 1 to 1,291 for a fall of
    five points: a station's chart shows its percent and the median of all stations (pages.RANK_CHART_MOST_UNITS)."""
    from rankings.site.chart_data import history_chart

    rows = [{"month": "2024-12", "rank": 1291, "ranked_in_level": 1575, "percent": Decimal("95"),
             "level_median": Decimal("100")},
            {"month": "2024-11", "rank": 1, "ranked_in_level": 1575, "percent": Decimal("100"),
             "level_median": Decimal("100")}]
    chart = history_chart(rows, ["2024-11", "2024-12"])
    assert chart["with_rank"] is False and chart["unpublished"] == []
    spec = spec_of(chart)
    assert "vconcat" not in spec and "rank" not in json.dumps(spec["layer"])
    assert spec["layer"][2]["encoding"]["y"]["scale"]["domain"] == [90, 100]
    districts = [{**row, "ranked_in_level": 75, "rank": 3} for row in rows]
    assert history_chart(districts, ["2024-11", "2024-12"])["with_rank"] is True


def test_calendar_months_cross_the_year():
    assert calendar_months("2023-11", "2024-02") == ("2023-11", "2023-12", "2024-01", "2024-02")
    assert next_month("2024-12") == "2025-01" and next_month("2024-09") == "2024-10"


def test_bands_count_every_unit_once():
    # Published percents: 85.5/90 is 95.00 %, whatever the float division says.
    percents = [round_percent(*pair) for pair in [(90, 90), (125, 125), (99.99, 100), (95, 100), (85.5, 90),
                                                  (94.99, 100), (80, 100), (79.99, 100), (70, 100), (12.5, 100)]]
    counts = band_counts(percents)
    assert counts == [2, 3, 1, 1, 2, 1]
    assert sum(row["count"] for row in bands_spec(counts, "station")["datasets"]["rows"]) == len(percents)
    assert len(BANDS) == 6


def test_localise_replaces_every_token():
    svg = '<text>⟦rank⟧</text><text>§0§ 24</text><text>§11§ 24</text><text>⟦station⟧</text>'
    words = {"rank": "रैंक", "station": "थाने"}
    months = ["जन॰"] + [""] * 10 + ["दिस॰"]
    assert localise(svg, words, months) == "<text>रैंक</text><text>जन॰ 24</text><text>दिस॰ 24</text><text>थाने</text>"


def test_tidy_svg_keeps_what_is_drawn_and_drops_what_vega_writes_for_interaction():
    vega = ('<svg class="marks" width="10" height="10"><g fill="none" transform="translate(73,5)">'
            '<g class="mark-group role-frame root"><path class="background" d="M0,0h240v108h-240Z"/>'
            '<path class="background" d="M0,0h0v0h0Z" pointer-events="none"/>'
            '<g class="mark-rule role-axis-grid" pointer-events="none"><line x2="36.9234" stroke="#d6d6d6" opacity="1"/></g>'
            '<g class="mark-text role-axis-title" pointer-events="none"><text role="graphics-symbol" aria-label="x">95–99.99</text></g>'
            '<path class="foreground" d="" display="none"/></g></g></svg>')
    assert tidy_svg(vega) == (
        '<svg class="marks" width="10" height="10"><g fill="none" transform="translate(73,5)">'
        '<g><path d="M0,0h240v108h-240Z"/><g><line x2="36.9" stroke="#d6d6d6"/></g>'
        '<g class="mark-text role-axis-title"><text>95–99.99</text></g></g></g></svg>')


def test_runs_of_lines_become_paths_in_order_with_the_same_pixels(tmp_path):
    from rankings.render.charts import fonts, pool

    lines = ('<line transform="translate(0,120)" x2="320" y2="0" stroke="#d6d6d6" stroke-width="1"/>'
             '<line transform="translate(0,90)" x2="320" y2="0" stroke="#d6d6d6" stroke-width="1"/>'
             '<line transform="translate(58,0)" x2="0" y2="5" stroke="#888" stroke-width="1"/>')
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="340" height="130"><g transform="translate(5,4.5)">{lines}</g></svg>'
    tidied = tidy_svg(svg)
    assert re.findall(r"<path [^>]*>", tidied) == [
        '<path d="M0,120l320,0M0,90l320,0" stroke="#d6d6d6" stroke-width="1"/>',
        '<path d="M58,0l0,5" stroke="#888" stroke-width="1"/>']
    drawing = fonts.drawing_fonts(tmp_path)
    assert pool.png_of(tidied, drawing) == pool.png_of(svg, drawing)


def test_rendering_is_cached_by_chart(tmp_path, caplog):
    chart = {"kind": "bands", "level": "station", "counts": [1, 0, 1, 0, 0, 1]}
    key = chart_key(chart)
    assert key != chart_key({**chart, "counts": [1, 0, 1, 0, 1, 0]})
    with caplog.at_level(logging.INFO, logger="rankings.render.charts.pool"):
        first = render_all({key: chart}, tmp_path, processes=1)
        again = render_all({key: chart}, tmp_path, processes=1)
    assert first == again and first[key].startswith("<svg")
    assert [r.getMessage() for r in caplog.records] == ["Charts: 0 from the cache, 1 rendered",
                                                        "Charts: 1 from the cache, 0 rendered"]


@pytest.fixture(scope="module")
def site_with_png(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("png") / "output", RANKINGS_CHART_PNG=True)


def test_charts_on_pages_in_each_language(site_with_png):
    site = site_with_png
    hi = read(site, "station/kanpur-commissionerate-chaubepur/")
    en = read(site, "en/station/kanpur-commissionerate-chaubepur/")
    for html in (hi, en):
        assert '<svg role="img" aria-labelledby="police-history-title"' in html
        assert 'id="police-history-title"' in html
        assert "⟦" not in html and "§" not in html
        assert 'href="police-history.svg"' in html and 'href="police-history.png"' in html
    hi_svg = (site / "station/kanpur-commissionerate-chaubepur/police-history.svg").read_text(encoding="utf-8")
    en_svg = (site / "en/station/kanpur-commissionerate-chaubepur/police-history.svg").read_text(encoding="utf-8")
    assert re.search(r">रैंक<", hi_svg) and re.search(r">दिस॰ 24<", hi_svg)
    assert re.search(r">Rank<", en_svg) and re.search(r">Dec 24<", en_svg)
    # A chart file travels without its page: built from sample data, it says so itself (it did not).
    assert ">Sample data. The figures on this site are made up" in en_svg and ">नमूना आँकड़े।" in hi_svg
    png = (site / "station/kanpur-commissionerate-chaubepur/police-history.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    # PNGs are drawn in the pool while pages are written: every one is complete when the build ends.
    svgs = sorted(site.rglob("*.svg"))
    assert svgs and all(svg.with_suffix(".png").read_bytes().startswith(b"\x89PNG") for svg in svgs)


def test_parents_and_month_pages_show_the_spread(site_with_png):
    site = site_with_png
    month = read(site, "en/police/2024-12/")
    for level in ("zone", "range", "station"):
        assert f'aria-labelledby="{level}-bands-title"' in month
    assert 'aria-labelledby="district-map-title"' in month  # the fixture has tiles.csv: its map shows the bands
    assert "5 of 7 on full marks; none below 80%." in month
    assert ">95–99.99<" in month and ">90–94.99<" in month  # band labels are not shortened with the coordinates
    district = read(site, "en/district/kanpur-commissionerate/")
    assert 'aria-labelledby="police-station-bands-title"' in district
    assert "3 of 4 on full marks; none below 80%." in district  # Chaubepur: 83.96 %


def test_compiled_templates_render_as_the_spec_itself():
    """Workers compile a chart kind once and put each chart's parts into a copy: the SVG must not change."""
    import vl_convert

    from rankings.render.charts.vega import to_vega

    long = [{"month": f"{2021 + i // 12}-{i % 12 + 1:02d}", "rank": (i * 37) % 1500 + 1, "ranked_in_level": 1560,
             "percent": round_percent(60 + i % 30, 90), "level_median": Decimal("97.5")} for i in range(60) if i % 7]
    short = [{"month": "2024-12", "rank": 49, "ranked_in_level": 75, "percent": round_percent(115, 130),
              "level_median": Decimal("95")},
             {"month": "2024-10", "rank": 74, "ranked_in_level": 75, "percent": round_percent(100, 130),
              "level_median": Decimal("96.15")}]
    specs = [
        history_spec(list(reversed(long)), calendar_months("2021-02", "2025-12"), ["2022-03", "2022-04"]),
        history_spec(short, calendar_months("2024-10", "2024-12"), ["2024-11"], with_rank=True),
        history_spec(short, calendar_months("2024-10", "2024-12")),
        bands_spec([2, 1, 1, 1, 0, 1], "station"),
        bands_spec([1, 1, 0, 0, 0, 0], "zone"),
    ]
    for spec in specs:
        assert vl_convert.vega_to_svg(to_vega(spec)) == vl_convert.vegalite_to_svg(spec)


def test_month_labels_fit_under_the_chart():
    from rankings.render.charts.kinds import MONTH_LABELS, month_ticks

    assert [t["month"] for t in month_ticks(calendar_months("2024-10", "2024-12"))] == [10, 11, 12]
    for first, last in [("2024-01", "2025-10"), ("2021-01", "2025-12"), ("2024-03", "2024-10"), ("2017-01", "2026-11")]:
        ticks = month_ticks(calendar_months(first, last))
        assert 2 <= len(ticks) <= MONTH_LABELS, (first, last, ticks)
        assert any(t["month"] == 1 for t in ticks) or len(calendar_months(first, last)) < 12
