"""The plugin's shape, held: the folders show the flow and imports go down it; modules, functions and classes stay
small; each fact lives in one place (a second copy fails a test here); settings are data and the README lists them;
and a language added to the vocabulary alone is built, downloaded, searched and validated."""

import ast
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rankings.data import schema
from rankings.settings import READ, SETTINGS
from sitebuild import FIXTURES, ROOT, broken_links, read, read_csv

PLUGIN = ROOT / "plugins" / "rankings"
TEMPLATES = ROOT / "theme" / "templates"
# The stages in the order the data flows; a module may import its own stage and those before it.
STAGES = ("data", "ranking", "site", "render", "write")
# The contract every stage shares (paths, settings, the hosts' limits): they import the data stage and each other.
SHARED = ("urls", "settings", "hosts")


def modules():
    """{path inside the plugin: source} of every module."""
    return {path.relative_to(PLUGIN).as_posix(): path.read_text(encoding="utf-8") for path in sorted(PLUGIN.rglob("*.py"))}


def templates():
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.html"))}


def imported(module, source):
    """The plugin's top-level names a module imports: "data", "render", "urls" …"""
    depth = module.count("/")
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            # Relative to the module's package; its first part inside the plugin is what counts.
            parts = module.split("/")[:-1][: max(depth - (node.level - 1), 0)] + (node.module or "").split(".")
            parts = [part for part in parts if part]
            found |= {parts[0]} if parts else {alias.name for alias in node.names}
    return found


def stage_of(module):
    first = module.split("/")[0].removesuffix(".py")
    return first


def test_the_folders_are_the_stages_and_imports_go_down_the_flow():
    assert {path.name for path in PLUGIN.iterdir() if path.is_dir() and path.name != "__pycache__"} == set(STAGES)
    reaching_up = []
    for module, source in modules().items():
        stage = stage_of(module)
        if stage in ("__init__", "cli", "cli_import"):
            continue  # the entry points: register() and the staff's commands
        allowed = {"data", *SHARED} if stage in SHARED else {*STAGES[: STAGES.index(stage) + 1], *SHARED}
        for name in imported(module, source) - allowed - {stage}:
            reaching_up.append(f"{module} imports {name}")
    assert reaching_up == []


def test_imports_are_read_right():
    """The helper above, on cases worked out by hand."""
    assert imported("render/charts/kinds.py", "from ...data.months import year_of\nfrom .style import INK") == \
        {"data", "render"}
    assert imported("urls.py", "from .data.vocabulary import LANGUAGES") == {"data"}
    assert imported("write/generator.py", "from .. import urls\nfrom ..render import share") == {"urls", "render"}


def test_modules_functions_and_classes_stay_small():
    too_big = []
    for module, source in modules().items():
        if len(source.splitlines()) > 500:
            too_big.append(f"{module}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            limit = 60 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
                200 if isinstance(node, ast.ClassDef) else None
            if limit and node.end_lineno - node.lineno + 1 > limit:
                too_big.append(f"{module}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines")
    assert too_big == []


def places(pattern, skip=(), in_templates=True):
    """Where a pattern is found, outside the modules named in skip: ["render/feeds.py: …"]."""
    texts = {**modules(), **({f"templates/{name}": text for name, text in templates().items()} if in_templates else {})}
    return [f"{name}: {match.group()}" for name, text in texts.items() if name not in skip
            for match in re.finditer(pattern, text)]


def test_absolute_urls_are_made_in_urls_py_only():
    # The base without its slash, and "<base>/<path>", are urls.site_base and urls.absolute.
    assert places(r'rstrip\("/"\)', skip={"urls.py"}) == []
    assert places(r'f"\{[^}]*(?:base|BASE|SITEURL|siteurl|address)[^}]*\}/', skip={"urls.py"}) == []


def test_month_arithmetic_is_done_in_months_py_only():
    # A month's year or number cut out of "YYYY-MM", twelve months counted, a month split at its hyphen.
    arithmetic = r"\[\s*(?::\s*[47]\s*\]|[57]\s*:)|\*\s*12\b|//\s*12\b|%\s*12\b|split\(\"-\"\)|timegm"
    assert places(arithmetic, skip={"data/months.py"}) == []


def test_figures_are_rounded_in_decimals_py_only():
    assert places(r"quantize|ROUND_[A-Z_]+|\|\s*round\b", skip={"data/decimals.py"}) == []


def test_no_template_names_a_level_or_counts_on_the_order_of_the_bands():
    levels = "|".join(level for level in schema.PARENT_LEVEL.keys() | {"zone"})
    named = [f"{name}: {match.group()}" for name, text in templates().items()
             for match in re.finditer(rf"""['"](?:{levels})['"]""", text)]
    assert named == []
    assert [name for name, text in templates().items() if re.search(r"bands\[\d", text)] == []


def test_one_head_for_every_ranking_table():
    # Rank, name, marks, percent, change: written in ranking_rows.py (RankingRows.head) and nowhere else.
    assert places(re.escape('"Change: rank (percentage points)"'), in_templates=False) == \
        ['render/ranking_rows.py: "Change: rank (percentage points)"']
    assert places(r"<thead>.*_\(\"Name\"\).*Change: rank") == []


def test_one_wording_of_a_change_with_its_points():
    # When the points are said beside a change, and how: language.change_and_points and points_words.
    assert places(r"%\(points\)s") == ['render/language.py: %(points)s']
    assert places(r"\.points\(", skip={"render/language.py"}) == []


def test_one_csv_reader():
    # The state's sheets saved as text (UTF-16, tabs, Windows-1252) are read as a sheet, not as a data file.
    assert places(r"csv\.reader|read_csv|DictReader|csv\.Sniffer", skip={"data/reader.py", "data/sheets/read.py"}) == []


def test_every_setting_has_its_default_and_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.name.startswith("RANKINGS_") and setting.help.strip(), setting
        assert f"`{setting.name}`" in readme, f"{setting.name} is not documented in README.md"
    used = {name for text in templates().values() for name in re.findall(r"\bRANKINGS_[A-Z_]+", text)}
    # What the templates read is what the table says they read.
    assert used == {setting.name for setting in SETTINGS if setting.pages == READ}


def test_a_setting_in_the_readme_that_is_not_one_fails():
    """The check above is a real one: a README naming a setting the plugin does not have is caught too."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(RANKINGS_[A-Z_]+)`", readme))
    assert named == {setting.name for setting in SETTINGS}


# ---- a third language, added to the vocabulary alone

THIRD_LANGUAGE = textwrap.dedent("""
    import json, sys
    sys.path[:0] = [sys.argv[1] + "/plugins", sys.argv[1] + "/tests"]
    from rankings.data import vocabulary  # before any other module reads the vocabulary
    vocabulary.LANGUAGES["mr"] = vocabulary.LanguageInfo("mr", "mr_IN", "name_mr", "मराठी", script="Deva")
    from rankings.data.load import load
    from rankings.data.problems import DataError, describe
    from sitebuild import build
    data, content, translations, output, broken = sys.argv[2:7]
    build(data, output, PATH=content, RANKINGS_LANGUAGES=("hi", "en", "mr"), RANKINGS_TRANSLATIONS=translations)
    try:
        load(broken)
    except DataError as error:
        print(json.dumps([describe(problem) for problem in error.problems], ensure_ascii=False))
""")


@pytest.fixture(scope="module")
def marathi(tmp_path_factory):
    """The small fixture with a name_mr column (Marathi names) and a short_mr one (the map's labels), built in Hindi,
    English and Marathi; and a copy
    whose units.csv leaves a Marathi name empty, validated."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    folder = tmp_path_factory.mktemp("marathi")
    data, broken = folder / "data", folder / "broken"
    shutil.copytree(FIXTURES / "small", data)
    for name, prefix in (("units.csv", "name"), ("series.csv", "name"), ("tiles.csv", "short")):
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        hindi = header.index(f"{prefix}_hi")
        rows = [lines[0] + f",{prefix}_mr"]
        for line in lines[1:]:
            cells = line.split(",")
            marathi = "चौबेपूर" if cells[0] == "kanpur-commissionerate-chaubepur" else cells[hindi] + " (म)"
            if prefix == "short":  # a tile's label, as short as the Hindi one
                marathi = cells[hindi]
            rows.append(f"{line},{marathi}")
        (data / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    shutil.copytree(data, broken)
    units = (broken / "units.csv").read_text(encoding="utf-8").replace(",चौबेपूर\n", ",\n")
    (broken / "units.csv").write_text(units, encoding="utf-8")
    translations = folder / "translations"
    shutil.copytree(ROOT / "theme" / "translations", translations)
    (translations / "mr" / "LC_MESSAGES").mkdir(parents=True)
    with open(translations / "mr" / "LC_MESSAGES" / "messages.mo", "wb") as mo:
        write_mo(mo, Catalog(locale="mr"))  # no words translated: English in a Marathi page, names in Marathi
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    for page in (content / "pages").glob("*.en.md"):
        page.with_name(page.name.replace(".en.", ".mr.")).write_text(
            page.read_text(encoding="utf-8").replace("Lang: en", "Lang: mr"), encoding="utf-8")
    output = folder / "output"
    done = subprocess.run([sys.executable, "-c", THIRD_LANGUAGE, str(ROOT), str(data), str(content),
                           str(translations), str(output), str(broken)],
                          capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return output, json.loads(done.stdout.strip().splitlines()[-1])


def test_a_language_added_to_the_vocabulary_has_its_pages(marathi):
    output, _ = marathi
    page = read(output, "mr/station/kanpur-commissionerate-chaubepur/")
    assert '<html lang="mr"' in page and "चौबेपूर" in page
    assert 'hreflang="mr"' in read(output, "station/kanpur-commissionerate-chaubepur/")
    assert "चौबेपूर" in read(output, "mr/police/2024-12/")
    assert broken_links(output) == []


def test_a_language_added_to_the_vocabulary_is_in_the_downloads(marathi):
    output, _ = marathi
    rows = read_csv(output, "data/police/2024-12.csv")
    assert {row["unit_id"]: row["name_mr"] for row in rows}["kanpur-commissionerate-chaubepur"] == "चौबेपूर"


def test_a_language_added_to_the_vocabulary_is_searched(marathi):
    output, _ = marathi
    units = sum(1 for _ in (FIXTURES / "small" / "units.csv").open(encoding="utf-8")) - 1
    pages = {}
    for code, folder in (("hi", ""), ("en", "en/"), ("mr", "mr/")):  # each language's own index (search.shards)
        files = (output / "search" / folder).glob("*.json")
        found = {unit[3] for file in files for unit in json.loads(file.read_text(encoding="utf-8"))["units"]}
        assert all(path.startswith(folder) for path in found)  # each result links to its language's page
        pages[code] = len(found)
    assert pages == {"hi": units, "en": units, "mr": units}


def test_a_language_added_to_the_vocabulary_is_validated(marathi):
    _, told = marathi
    assert any(line.startswith("units.csv:") and "column name_mr" in line and "must not be empty" in line
               for line in told), told


# The folders GitHub's standard Python .gitignore ignores (github/gitignore, Python.gitignore).
PYTHON_GITIGNORE_FOLDERS = {"build", "develop-eggs", "dist", "downloads", "eggs", ".eggs", "lib", "lib64", "parts",
                            "sdist", "var", "wheels", "share", "htmlcov", "env", "venv", "ENV", "env.bak", "venv.bak"}


def test_no_tracked_folder_is_one_the_standard_python_gitignore_ignores():
    """The write stage was a folder build/: a contributor who added Python's usual .gitignore lost a stage, and some
    code tools skip such a folder."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    folders = {part for path in tracked for part in Path(path).parts[:-1]}
    assert folders & PYTHON_GITIGNORE_FOLDERS == set()
