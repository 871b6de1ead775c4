"""The published CSVs described as a Frictionless Data Package (v2), validated with the `frictionless` package,
offline: every file a resource, every field typed and explained in both languages."""

import csv
import json
import shutil

import pytest

from sitebuild import FIXTURES, build, read


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("package") / "output")


@pytest.fixture
def frictionless():
    """The frictionless package, with the csv module as it found it: importing it raises csv.field_size_limit for
    the whole process, which the site's own CSV reader relies on (tests/test_load.py)."""
    limit = csv.field_size_limit()
    import frictionless

    yield frictionless
    csv.field_size_limit(limit)


def package_of(site):
    return json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_the_data_package_validates_and_describes_every_published_csv(site, frictionless):
    report = frictionless.validate(str(site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]
    package = package_of(site)
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    described = {resource["path"] for resource in package["resources"]}
    published = {path.relative_to(site / "data").as_posix() for path in (site / "data").rglob("*.csv")}
    assert described == published and "police/2024-12.csv" in described and "units/kanpur-zone.csv" in described
    assert package["licenses"][0]["path"] == "https://data.gov.in/government-open-data-license-india"
    assert package["licenses"][0]["title_hi"] and package["sources"][0]["title"].startswith("IGRS")
    assert package["temporal"]["start"] <= package["temporal"]["end"]
    assert package["title_hi"] == "उत्तर प्रदेश की आईजीआरएस रैंकिंग"


def test_every_field_has_its_type_its_meaning_in_both_languages_and_its_unit(site):
    for schema in (site / "data" / "schemas").glob("*.json"):
        fields = json.loads(schema.read_text(encoding="utf-8"))["fields"]
        for field in fields:
            assert field["type"] and field["title"] and field["description"], field
            assert field["title_hi"] != field["title"] and field["description_hi"] != field["description"], field
        by_name = {field["name"]: field for field in fields}
        assert by_name["marks"]["unit"] == "marks" and by_name["percent"]["unit"] == "percent"
        assert by_name["rank"]["type"] == "integer" and by_name["level"]["constraints"]["enum"]


def test_a_file_that_breaks_its_description_fails_validation(site, tmp_path, frictionless):
    copy = tmp_path / "data"
    shutil.copytree(site / "data", copy)
    month = copy / "police" / "2024-12.csv"
    text = month.read_text(encoding="utf-8-sig").splitlines()
    cells = text[1].split(",")
    cells[6] = "lots"  # marks that are not a number
    month.write_text("\ufeff" + "\r\n".join([text[0], ",".join(cells), *text[2:]]) + "\r\n", encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid and "type-error" in {row[0] for row in report.flatten(["type"])}


def test_the_data_format_and_about_pages_link_the_package(site):
    for page in ("data-format/", "about/"):
        assert 'href="../data/datapackage.json"' in read(site, page)
        assert 'href="../../data/datapackage.json"' in read(site, "en/" + page)
