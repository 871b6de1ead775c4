"""One output path (output.py) and its change manifest: a rebuild writes exactly the files whose bytes change,
and the result is the site a clean build makes; every file is announced with Pelican's content_written.

Each case builds the small fixture, changes one input, rebuilds into the same folder, and compares: which files
were written again (a new inode: files are replaced through a rename), which files' bytes changed, and, for the
data and template cases, the whole tree against a clean build of the changed inputs.
"""

import logging
import os
import re
import shutil

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from pelican import signals

from rankings.render.charts import kinds
from rankings.write.output import OutputPathError, SiteOutput
from rankings.site.model import build_model
from sitebuild import FIXTURES, ROOT, build, tree_digest

# Files Pelican writes or copies itself (its Markdown pages, the theme's static files), not the plugin.
PELICAN_OWN = re.compile(r"^(en/)?(about|data-format|staff-guide)/|^theme/|^favicon\.ico$")
UNIT_PAGE = re.compile(r"^(en/)?(zone|range|district|tehsil|station)/[a-z0-9-]+/index\.html$")
REDIRECTS = {"district/etawa/index.html", "en/district/etawa/index.html"}


def plugin_files(site):
    """{path: (inode, sha256)} of every file the plugin wrote."""
    digests = tree_digest(site)
    return {path: ((site / path).stat().st_ino, digest) for path, digest in digests.items()
            if not PELICAN_OWN.search(path)}


def rewritten(before, after):
    return {path for path in after if path not in before or after[path][0] != before[path][0]}


def changed(before, after):
    return {path for path in after if path not in before or after[path][1] != before[path][1]}


class Workspace:
    """A data folder and a theme of the test's own, an output folder built from them, and a shared cache."""

    def __init__(self, root):
        self.root = root
        self.data = root / "data"
        self.theme = root / "theme"
        self.output = root / "output"
        self.cache = root / "cache"
        shutil.copytree(FIXTURES / "small", self.data)
        shutil.copytree(ROOT / "theme", self.theme)

    def build(self, output=None, **settings):
        build(self.data, output or self.output, THEME=str(self.theme), CACHE_PATH=str(self.cache), **settings)
        return plugin_files(output or self.output)


@pytest.fixture
def workspace(tmp_path):
    space = Workspace(tmp_path)
    space.before = space.build()
    return space


def assert_same_as_a_clean_build(space):
    clean = space.root / "clean"
    space.build(clean)
    ours = {p: d for p, d in tree_digest(space.output).items() if not PELICAN_OWN.search(p)}
    theirs = {p: d for p, d in tree_digest(clean).items() if not PELICAN_OWN.search(p)}
    assert ours == theirs


def test_a_rebuild_without_changes_writes_nothing_and_announces_every_file(workspace):
    announced = []

    def record(path, context):
        announced.append(path)

    signals.content_written.connect(record)
    try:
        after = workspace.build()
    finally:
        signals.content_written.disconnect(record)
    assert rewritten(workspace.before, after) == set()
    # Files are announced where the build writes them: the new site's folder, which then becomes the output.
    new_site = str(workspace.root / "output.partial") + "/"
    paths = [path.removeprefix(new_site) for path in announced]
    assert set(after) <= set(paths), sorted(set(after) - set(paths))[:5]
    assert len([path for path in paths if path in after]) == len(after)  # each once


def test_one_month_changed_rewrites_its_pages_only(workspace):
    month = workspace.data / "police" / "2024-12.csv"
    month.write_text(month.read_text().replace("kanpur-dehat-akbarpur,88,90", "kanpur-dehat-akbarpur,80,90"))
    after = workspace.build()
    written = rewritten(workspace.before, after)
    assert written == changed(workspace.before, after)
    assert {"police/2024-12/index.html", "en/police/2024-12/index.html", "data/police/2024-12.csv",
            "station/kanpur-dehat-akbarpur/index.html", "station/kanpur-dehat-akbarpur/police-history.svg",
            "district/kanpur-dehat/index.html"} <= written
    # Months, units and charts the change does not reach stay as they were.
    assert not written & {"police/2024-09/index.html", "district-admin/2024-12/index.html",
                          "station/kanpur-commissionerate-chaubepur/index.html", "data/police/2024-11.csv",
                          "station/etawah-civil-lines/police-history.svg"}
    assert_same_as_a_clean_build(workspace)


def test_a_template_changed_rewrites_the_pages_made_with_it(workspace):
    template = workspace.theme / "templates" / "unit.html"
    template.write_text(template.read_text().replace('<p class="kind">', '<p class="kind" data-changed="1">'))
    after = workspace.build()
    written = rewritten(workspace.before, after)
    unit_pages = {path for path in after if UNIT_PAGE.match(path)} - REDIRECTS
    assert written == changed(workspace.before, after) == unit_pages
    assert_same_as_a_clean_build(workspace)


def test_a_translation_changed_rewrites_the_pages_in_that_language_that_use_it(workspace):
    po = workspace.theme / "translations" / "hi" / "LC_MESSAGES" / "messages.po"
    with open(po, "rb") as file:
        catalog = read_po(file)
    catalog["Download this ranking (CSV)"].string = "यह रैंकिंग डाउनलोड करें (CSV फ़ाइल)"
    with open(po.with_suffix(".mo"), "wb") as file:
        write_mo(file, catalog)
    after = workspace.build()
    month_pages = {"police/2024-08/index.html", "police/2024-09/index.html", "police/2024-11/index.html",
                   "police/2024-12/index.html",
                   "district-admin/2024-11/index.html", "district-admin/2024-12/index.html"}
    assert rewritten(workspace.before, after) == changed(workspace.before, after) == month_pages


def test_a_setting_that_templates_read_rewrites_every_page_and_no_download(workspace):
    after = workspace.build(RANKINGS_SAMPLE=False)
    written = rewritten(workspace.before, after)
    pages = {path for path in after if path.endswith(".html")}
    charts = {path for path in after if path.endswith(".svg")}  # a chart file says "sample data" too
    assert written == changed(workspace.before, after) == pages | charts


def test_a_new_chart_renderer_renders_every_chart_again_and_rewrites_only_what_it_changes(workspace, monkeypatch,
                                                                                           caplog):
    monkeypatch.setattr(kinds, "renderers", lambda: "vl-convert 99.0; resvg 99.0")
    with caplog.at_level(logging.INFO, logger="rankings.render.charts.pool"):
        after = workspace.build()
    told = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Charts:")]
    assert told and re.match(r"Charts: 0 from the cache, [1-9]\d* rendered", told[-1]), told
    # The same vl-convert draws the same SVGs: nothing needs writing.
    assert rewritten(workspace.before, after) == changed(workspace.before, after) == set()


def test_a_file_deleted_from_the_output_is_written_again(workspace):
    deleted = {"station/kanpur-dehat-akbarpur/police-history.svg", "en/police/2024-12/index.html"}
    for path in deleted:
        (workspace.output / path).unlink()
    after = workspace.build()
    # A deleted file's inode may be given to its new copy: the others are what must not be written.
    assert rewritten({p: d for p, d in workspace.before.items() if p not in deleted}, after) == deleted
    assert changed(workspace.before, after) == set()


class NoManifest:
    def unchanged(self, save_as, digest, path):
        return False


def test_output_writes_inside_its_folder_once_per_path(tmp_path):
    output = SiteOutput(tmp_path / "site", NoManifest(), context={})
    assert output.write("a/b.csv", lambda: "x") is True
    assert (tmp_path / "site" / "a" / "b.csv").read_text() == "x"
    with pytest.raises(OutputPathError, match="already written"):
        output.write("a/b.csv", lambda: "y")
    for outside in ("../escape.html", "a/../../escape.html", "/etc/passwd"):
        with pytest.raises(OutputPathError, match="not a path inside"):
            output.write(outside, lambda: "z")
    assert not (tmp_path / "escape.html").exists()
    # The same bytes again are not written again; no temporary file is left behind.
    again = SiteOutput(tmp_path / "site", NoManifest(), context={})
    assert again.write("a/b.csv", lambda: b"x") is False
    assert sorted(p.name for p in (tmp_path / "site" / "a").iterdir()) == ["b.csv"]


def test_page_models_digest_alike_in_every_process():
    """The manifest compares digests of pickled page models between builds, each its own process: a set in a
    model pickles in an order that changes with the process's hash seed, and every page would be made again."""
    import subprocess
    import sys

    script = ("import sys; sys.path.insert(0, 'plugins'); from rankings.site.model import build_model; "
              "from rankings.render.site_file import digest_of; site = build_model(sys.argv[1], with_corrections=False); "
              "print(digest_of([(p.path, p.model) for p in site.pages()], site.globals()), "
              "digest_of([(p.path, p.model) for p in site.pages()], stand_ins=site.stand_ins()))")
    digests = {subprocess.run([sys.executable, "-c", script, str(FIXTURES / "small")], cwd=ROOT, capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(digests) == 1


def test_a_new_version_of_a_library_that_shapes_pages_is_a_new_build(monkeypatch):
    """Babel's CLDR data writes the numbers and months, Jinja2 and MarkupSafe the markup: a page made with another
    version of them is made again, however unchanged its model and the theme."""
    from rankings.write import manifest

    def fingerprint():
        return manifest.fingerprint(ROOT / "theme", ROOT / "theme" / "translations", {}, {})

    before, installed = fingerprint(), manifest.version
    assert fingerprint() == before
    for library in ("Babel", "Jinja2", "MarkupSafe"):
        monkeypatch.setattr(manifest, "version", lambda name: "99.0" if name == library else installed(name))
        assert fingerprint() != before, library


def test_a_build_collects_cycles_less_often_and_leaves_the_collector_as_it_was(tmp_path, monkeypatch):
    import gc

    from rankings.write import lifecycle

    during = []

    def model_noting_the_collector(*args, **kwargs):
        during.append(gc.get_threshold())
        return build_model(*args, **kwargs)

    monkeypatch.setattr(lifecycle, "build_model", model_noting_the_collector)
    before = gc.get_threshold()
    build(FIXTURES / "small", tmp_path / "output")
    assert during == [lifecycle.BUILD_GC_THRESHOLD] and gc.get_threshold() == before
