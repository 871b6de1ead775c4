"""The published CSV files described for machines: a Frictionless Data Package (v2), /data/datapackage.json, beside
them, and the Table Schemas its resources share, /data/schemas/<kind>[-<counts>].json.

Every published CSV is a resource (its path relative to the package, its name, its schema by path): a month of a
series, a series' year and the series whole, a unit's history. Files of one kind with the same count columns
share one schema, so that the package stays small with two thousand units' files. Each field has its type, its
constraints, the unit it counts in, and its title and meaning in English (the Data Package's own `title` and
`description`) and in each other language of the site (`title_hi`, `description_hi`: custom properties, which the
standard allows).
"""

import hashlib
import json

from .. import urls
from ..data.schema import DOWNLOAD_COLUMNS
from ..data.vocabulary import LANGUAGES, LEVEL_IDS, N_, source_language
from .site_file import SiteFile

PACKAGE = urls.DATA_PACKAGE
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# The language of the package's own title and description (the messages' language); each other's are title_<code>.
SOURCE = source_language()

# Each column a published file may have: (type, the unit it counts in, constraints, title, meaning).
FIELDS = {
    "series": ("string", None, {"required": True}, N_("Series"),
               N_("The ranking series: its id, as in the site's addresses (police, district-admin).")),
    "month": ("yearmonth", None, {"required": True}, N_("Month"),
              N_("The month the marks are for, YYYY-MM (not the month they were published).")),
    "unit_id": ("string", None, {"required": True}, N_("Unit"),
                N_("The unit's id: it never changes, and it is the address of the unit's page, /<level>/<id>/.")),
    "level": ("string", None, {"required": True, "enum": list(LEVEL_IDS)}, N_("Level"),
              N_("The unit's level; units are ranked among those of their level.")),
    "parent": ("string", None, {}, N_("Parent unit"),
               N_("The id of the unit above it (a station's district); empty for a top-level unit.")),
    # a name column for each language of the vocabulary (name_en, name_hi …): NAME_FIELD, said with the language
    "marks": ("number", "marks", {"required": True, "minimum": 0}, N_("Marks obtained"),
              N_("The marks the unit obtained that month.")),
    "max_marks": ("number", "marks", {"required": True, "exclusiveMinimum": 0}, N_("Maximum marks"),
                  N_("The marks possible that month at the unit's level (90, 100, 125, 130 …).")),
    "percent": ("number", "percent", {"required": True, "minimum": 0, "maximum": 100}, N_("Percent"),
                N_("Marks obtained ÷ maximum marks × 100, to two decimals, half up: what units are ranked by.")),
    "rank": ("integer", "place", {"required": True, "minimum": 1}, N_("Rank"),
             N_("The rank among the units of the same series, month and level, highest percent first; equal "
                "percents share a rank and the next rank skips; the state's official rank where it gave one.")),
    "rank_in_parent": ("integer", "place", {"minimum": 1}, N_("Rank in parent"),
                       N_("The rank among the units with the same parent, where the series ranks the parent's "
                          "level; else empty.")),
    "previous_rank": ("integer", "place", {"minimum": 1}, N_("Previous rank"),
                      N_("The rank the calendar month before; empty where the unit was not ranked then, or the "
                         "month was not published.")),
    "rank_change": ("integer", "places", {}, N_("Rank change"),
                    N_("Previous rank − rank: positive is a rise (▲25 is 74 → 49).")),
    "complaints_received": ("integer", "complaints", {"minimum": 0}, N_("Complaints received"),
                            N_("Complaints (references) received that month.")),
    "complaints_disposed": ("integer", "complaints", {"minimum": 0}, N_("Complaints disposed"),
                            N_("Complaints disposed of that month.")),
    "complaints_defaulted": ("integer", "complaints", {"minimum": 0}, N_("Complaints past their deadline"),
                             N_("Complaints not disposed of within their deadline (defaulters).")),
    "feedback_total": ("integer", "calls", {"minimum": 0}, N_("Feedback calls"),
                       N_("Complainants called for their feedback.")),
    "feedback_unsatisfied": ("integer", "calls", {"minimum": 0}, N_("Unsatisfied"),
                             N_("Complainants who said they were not satisfied.")),
}
NAME_FIELD = ("string", None, {"required": True}, N_("Name (%(language)s)"), N_("The unit's name, in %(language)s."))
# The kinds of file, the columns before the ranking's, and what identifies a row.
KINDS = {"month": ((), ["unit_id"]), "months": (("month",), ["month", "unit_id"]),
         "unit": (("series", "month"), ["series", "month"])}


def schema_path(kind, counts):
    """"data/schemas/month.json", or with the count columns a file has: "data/schemas/month-3f2a9c.json"."""
    suffix = "-" + hashlib.sha1(",".join(counts).encode()).hexdigest()[:6] if counts else ""
    return urls.table_schema(kind + suffix)


def table_schema(kind, counts, languages):
    first, key = KINDS[kind]
    return {"fields": [field(name, languages) for name in (*first, *DOWNLOAD_COLUMNS, *counts)], "primaryKey": key,
            "missingValues": [""]}


def field(name, languages):
    kind, unit, constraints, title, description = FIELDS.get(name, NAME_FIELD)
    said = {"language": next((info.display_name for info in LANGUAGES.values() if info.name_column == name), "")}
    described = {"name": name, "type": kind, "title": title % said, "description": description % said}
    for language in languages:
        if language.code != SOURCE.code:
            described[f"title_{language.code}"] = language.gettext(title) % said
            described[f"description_{language.code}"] = language.gettext(description) % said
    if unit:
        described["unit"] = unit
    if constraints:
        described["constraints"] = constraints
    return described


def package_files(published, site, languages, cited):
    """The package and its schemas. published: (path, kind, counts, title) of each CSV written, in order; cited:
    (source, licence) as every page cites them (RANKINGS_SOURCE, RANKINGS_LICENCE: a url, a name or one per
    language)."""
    schemas = {}
    for _, kind, counts, _ in published:
        schemas.setdefault(schema_path(kind, counts), (kind, counts))
    for path, (kind, counts) in schemas.items():
        yield SiteFile(path, lambda kind=kind, counts=counts: json_text(table_schema(kind, counts, languages)),
                       (kind, *counts, *(language.code for language in languages)))
    months = [(series["id"], series["months"]) for series in site.series]
    yield SiteFile(PACKAGE, lambda: json_text(package(published, site, languages, cited)),
                   (json.dumps(published, ensure_ascii=False), json.dumps(months), json.dumps(cited, ensure_ascii=False),
                    *(language.code for language in languages)))


def reference(cited, languages):
    """A source or licence as the package names it: its address, its name in English (`title`) and in each other
    language (`title_hi`)."""
    names = cited["name"] if isinstance(cited["name"], dict) else {language.code: cited["name"] for language in languages}
    described = {"path": cited["url"], "title": names.get(SOURCE.code) or next(iter(names.values()))}
    described.update({f"title_{code}": name for code, name in names.items() if code != SOURCE.code})
    return described


def package(published, site, languages, cited):
    months = sorted(month for series in site.series for month in series["months"])
    described = {
        "$schema": PROFILE, "name": "up-igrs-rankings", "title": "IGRS rankings of Uttar Pradesh",
        "description": ("Every month's IGRS (Jansunwai Samadhan) grievance ranking of Uttar Pradesh's police units "
                        "and district administrations, as published: marks, percent, rank, rank in parent, change "
                        f"from the month before; from {months[0]} to {months[-1]}." if months else ""),
        "temporal": {"start": months[0], "end": months[-1]} if months else {},
        "licenses": [reference(cited[1], languages)],
        "sources": [reference(cited[0], languages)],
        "keywords": ["IGRS", "Jansunwai Samadhan", "Uttar Pradesh", "grievances", "police", "rankings"],
        "resources": [resource(path, kind, counts, title) for path, kind, counts, title in published],
    }
    for language in languages:
        if language.code != SOURCE.code:
            described[f"title_{language.code}"] = language.gettext("IGRS rankings of Uttar Pradesh")
    return described


def resource(path, kind, counts, title):
    relative = urls.from_package(path)
    return {"name": relative.removesuffix(".csv").replace("/", "-"), "path": relative, "title": title,
            "type": "table", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": urls.from_package(schema_path(kind, counts))}


def json_text(value):
    return json.dumps(value, ensure_ascii=False) + "\n"
