"""What the templates call besides their words: links (every path from urls.py), a unit's linked name, a part
made once per build, a unit's latest figures in words, a month in a few sentences; installed in every
generator's Jinja environment.
"""

from jinja2 import pass_context
from markupsafe import Markup

from .. import urls
from . import captions, compare, embed
from .month_story import story_html


@pass_context
def url(context, path, language=None):
    """A link to a page (or a file of one language), in the page's language unless another is named. With
    RANKINGS_LINK_INDEX a folder's link names its index.html, so the site also works from file://."""
    return urls.href(context["SITEURL"], urls.in_language(path, language or context["L"]), context["INDEX"])


@pass_context
def file_url(context, path):
    """A link to a file every language shares (a CSV download, the stylesheet)."""
    return urls.href(context["SITEURL"], path)


@pass_context
def unit_link(context, unit_id, placed=False):
    """A link to a unit's page in the page's language; placed: named outside its parent's context, so a station or
    tehsil carries its district. A function, not a macro: pages call it thousands of times."""
    language, unit = context["L"], context["units"][unit_id]
    name = language.placed_name(unit, context["units"]) if placed else language.name(unit)
    return Markup('<a href="{}">{}</a>').format(url(context, unit["path"]), name)


@pass_context
def once(context, name, caller):
    """{% call once("sections") %}…{% endcall %}: a part of the page that is the same on every page of a language
    at one depth (relative links) is made once per build and language and depth, not on each of 8,000 pages."""
    made = context.environment.globals["_made_once"]  # emptied for each build's environment (install)
    language = context.get("L")
    key = (name, context.get("lang"), getattr(language, "code", None), context.get("SITEURL"), context.get("INDEX"))
    if key not in made:
        made[key] = caller()
    return made[key]


@pass_context
def absolute(context, path, language=None):
    """The absolute URL of a page in a language (canonical, hreflang, feeds), from SITEURL."""
    return urls.absolute(context["CANONICAL_BASE"], urls.in_language(path, language or context["L"]))


@pass_context
def absolute_file(context, path):
    """The absolute URL of a file every language shares (a CSV in a dataset's description), from SITEURL."""
    return urls.absolute(context["CANONICAL_BASE"], path)


@pass_context
def embed_code(context, name, title, kind):
    """The snippet that embeds this page's figure `name` (render/embed.py), in the page's language."""
    return embed.snippet(absolute(context, context["self_path"]) + "#" + urls.embed_anchor(name), title, kind)


@pass_context
def compare_url(context, entries):
    """The address of a comparison of (series id, unit id) pairs, in the page's language (site/compare.py)."""
    return url(context, urls.COMPARE) + "?" + urls.compare_query(entries)


@pass_context
def compare_data(context, words):
    """What the compare page's script is given, in the page's language (render/compare.py)."""
    model = {key: context[key] for key in ("series_levels", "months", "counterparts", "unranked")}
    return compare.page_data(model, context["L"], lambda path: url(context, path),
                             lambda path: file_url(context, path), words)


@pass_context
def latest_words(context, unit, block):
    """A unit's latest figures in words in the page's language (captions.latest_words): (rank, change, percent)."""
    return captions.latest_words(unit, block["latest"], block["series"], context["L"])


@pass_context
def month_story(context, story, series):
    """A month in a few sentences in the page's language (render/month_story.py), its units linked."""
    return story_html(story, context["L"], series, lambda unit_id: unit_link(context, unit_id, placed=True))


def install(environment, default_language):
    """A Jinja environment made ready for the site's templates: newstyle gettext (in the default language until a
    page puts its own in its context), the helpers, the URL map and the levels."""
    if "jinja2.ext.i18n" not in environment.extensions:
        environment.add_extension("jinja2.ext.i18n")
    context = default_language.template_context()
    environment.install_gettext_callables(context["gettext"], context["ngettext"], newstyle=True)
    environment.globals.update(url=url, file_url=file_url, absolute=absolute, absolute_file=absolute_file,
                               unit_link=unit_link, once=once, latest_words=latest_words, month_story=month_story,
                               embed_code=embed_code, compare_url=compare_url, compare_data=compare_data,
                               urls=urls, _made_once={})
    # JSON in a page (JSON-LD) as UTF-8, not \u escapes: a Hindi name is 3 bytes, not 6 (tojson still escapes
    # <, >, & and ' for the <script>).
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
