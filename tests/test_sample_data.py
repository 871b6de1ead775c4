"""The sample data in data/: the facts of the seed reports come out of it, and it is what the script writes."""

import importlib.util
import sys

import pytest

from sitebuild import ROOT, tree_digest

from rankings.site.model import SiteModel
from rankings.site.pages import unit_page


def sample_script():
    spec = importlib.util.spec_from_file_location("make_sample_data", ROOT / "scripts" / "make_sample_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample_data"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample():
    script = sample_script()
    dataset, rankings = script.check_seed_facts(ROOT / "data")  # asserts every seed fact
    return script, dataset, rankings


def test_structure_of_uttar_pradesh(sample):
    _, dataset, _ = sample
    levels = dataset.units["level"].value_counts()
    assert levels["zone"] == 8 and levels["range"] == 18
    assert levels["district"] == 68 + 7 + 7  # police districts, commissionerates, revenue districts
    assert 1500 <= levels["station"] <= 1600
    top_level = dataset.units.loc[(dataset.units["level"] == "district") & dataset.units["parent"].isna()]
    assert len(top_level) == 14
    assert set(dataset.series.index) == {"police", "district-admin"}
    months = dataset.marks.groupby("series")["month"].nunique()
    assert months["police"] >= 24 and months["district-admin"] >= 24


def test_seed_report_figures_on_the_unit_pages(sample):
    _, dataset, rankings = sample
    site = SiteModel(dataset, rankings)
    page = unit_page(site, site.units["kanpur-nagar"])
    (block,) = page.model["blocks"]
    december = next(row for row in block["history"] if row["month"] == "2024-12")
    assert (december["marks"], december["max_marks"], december["rank"], december["previous_rank"],
            december["rank_change"]) == (115, 130, 49, 74, 25)
    assert (december["complaints_received"], december["complaints_disposed"], december["feedback_total"],
            december["feedback_unsatisfied"]) == (676, 492, 4003, 2420)

    zone = unit_page(site, site.units["kanpur-zone"]).model["blocks"][0]
    assert {"year": 2024, "months_at_1": 7, "months_ranked": 8} in [
        {k: y[k] for k in ("year", "months_at_1", "months_ranked")} for y in zone["years"]]

    police = unit_page(site, site.units["kanpur-commissionerate"]).model["blocks"][0]
    assert police["at_rank_1_by_month"]["2024-12"] == (48, 52)
    december = next(row for row in police["history"] if row["month"] == "2024-12")
    assert (december["marks"], december["rank"], december["previous_rank"]) == (120, 73, 50)


def test_committed_sample_is_what_the_script_writes(sample, tmp_path):
    """Everything but the map's tiles, which scripts/make_tiles.py made once from India Post's offices (a
    package the tests do not install; they are checked against the sample's districts below), and the folder where
    staff upload the state's sheets (its READMEs say how; no sample data)."""
    script, _, _ = sample
    script.main(str(tmp_path / "data"))
    committed = tree_digest(ROOT / "data")
    committed.pop("tiles.csv")
    committed = {path: digest for path, digest in committed.items() if not path.startswith("incoming/")}
    assert tree_digest(tmp_path / "data") == committed


def test_every_district_of_the_sample_has_its_own_tile_and_each_commissionerate_shares_one(sample):
    _, dataset, _ = sample
    tiles, units = dataset.tiles, dataset.units
    districts = units.index[units["level"] == "district"]
    assert set(tiles.index) == set(districts) and len(districts) == 82
    shared = tiles.index[tiles["shared"]]
    assert sorted(shared) == sorted(d for d in districts if d.endswith("-commissionerate"))
    assert len(tiles.loc[~tiles["shared"]].groupby(["column", "row"])) == 75  # the 75 revenue districts


def test_every_label_of_the_sample_map_fits_its_tile_in_both_languages(sample):
    """Measured in the fonts that draw them (typeset.py): at 7 px or more, every label fits inside its tile, so
    that the map draws none smaller and none runs into its neighbour."""
    from rankings.data import typeset
    from rankings.render.charts.kinds import tiles_spec
    from rankings.data.schema import TILE_GAP, TILE_LABEL_SIZE, TILE_WIDTH

    _, dataset, _ = sample
    tiles = dataset.tiles.loc[~dataset.tiles["shared"]]
    room = TILE_WIDTH - TILE_GAP - 3
    for label in [*tiles["short_en"], *tiles["short_hi"]]:
        assert typeset.width(label, 7) <= room, label
    places = [(int(row["column"]), int(row["row"])) for _, row in tiles.iterrows()]
    spec = tiles_spec([12, 11], places, {f"{row['column']}-{row['row']}": (row["short_en"], row["short_hi"])
                                         for _, row in tiles.iterrows()})
    assert min(row["size"] for row in spec["datasets"]["rows"]) >= 7 and TILE_LABEL_SIZE == 8.5


def test_the_sample_maps_english_labels_are_cut_in_one_style(sample):
    """"Shahjahan", "Siddharth", "Ambedkar" (cut, nothing said), "Muzaffarn." (cut, said): a label is the name where
    it fits, a newspaper's form for three, else the name cut with a full stop (scripts/make_tiles.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_tiles import SHORT, short_names

    _, dataset, _ = sample
    tiles = dataset.tiles.loc[~dataset.tiles["shared"]]
    for unit_id, tile in tiles.iterrows():
        unit = dataset.units.loc[unit_id]
        assert (tile["short_en"], tile["short_hi"]) == short_names(unit), unit_id
        english = tile["short_en"]
        assert english == unit["name_en"] or english.endswith(".") or unit["name_en"] in SHORT, english
