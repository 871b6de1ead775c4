"""The body rows of the big tables, written in Python.

A month page has a row for each of ~1,700 units and a unit page one for each month; in Jinja every cell is a
few context calls, and these rows were most of the build's time. The table itself (caption, headings, all
the words) stays in the templates; rows hold only names, links and figures formatted by the page's language.
Links come from urls.py: siteurl is the page's way to the site's root (Pelican's SITEURL), index is
"index.html" when links must name it (file://).
"""

from html import escape

from markupsafe import Markup

from . import urls


def _change_cell(language, change):
    return f'<td class="{language.change_class(change)}">{language.change(change) or "–"}</td>'


def ranking_rows(rows, units, names, language, siteurl, index="", show_parent=True, show_rank_in_parent=False):
    """<tr>s of rank, [rank in parent], name, [parent], marks, percent, change; rank-1 rows marked.

    names: escaped_names(units, language).
    """
    number = language.number

    def link(unit):
        return urls.href(siteurl, urls.in_language(unit["path"], language), index)

    out = []
    for row in rows:
        unit = units[row["unit_id"]]
        cells = [f'<td>{number(row["rank"])}</td>']
        if show_rank_in_parent:
            cells.append(f'<td>{number(row["rank_in_parent"])}</td>')
        cells.append(f'<th scope="row"><a href="{link(unit)}">{names[unit["id"]]}</a></th>')
        if show_parent:
            parent = units.get(row["parent"]) if row["parent"] else None
            cells.append(f'<td><a href="{link(parent)}">{names[parent["id"]]}</a></td>' if parent else "<td></td>")
        cells.append(f'<td>{number(row["marks"])}/{number(row["max_marks"])}</td>')
        cells.append(f'<td>{language.percent(row["percent"])}</td>')
        cells.append(_change_cell(language, row["rank_change"]))
        top = ' class="top"' if row["rank"] == 1 else ""
        out.append(f"<tr{top}>{''.join(cells)}</tr>")
    return Markup("\n".join(out))


def history_rows(rows, language, siteurl, index="", show_rank_in_parent=False, at_rank_1_by_month=None):
    """<tr>s of month, rank/of, change, marks, percent, [rank in parent], [children at rank 1]."""
    number = language.number
    out = []
    for row in rows:
        month = row["month"]
        link = urls.href(siteurl, urls.in_language(urls.month(row["series"], month), language), index)
        cells = [
            f'<th scope="row"><a href="{link}">{language.month(month)}</a></th>',
            f'<td>{number(row["rank"])}<small>/{number(row["ranked_in_level"])}</small></td>',
            _change_cell(language, row["rank_change"]),
            f'<td>{number(row["marks"])}/{number(row["max_marks"])}</td>',
            f'<td>{language.percent(row["percent"])}</td>',
        ]
        if show_rank_in_parent:
            cells.append(f'<td>{number(row["rank_in_parent"])}</td>')
        if at_rank_1_by_month is not None:
            counts = at_rank_1_by_month.get(month)
            cells.append(f"<td>{number(counts[0])}/{number(counts[1])}</td>" if counts else "<td></td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    return Markup("\n".join(out))


def count_rows(rows, language, columns):
    """<tr>s of month and the complaint and feedback counts given (columns), one row per month."""
    number = language.number
    return Markup("\n".join(
        f'<tr><th scope="row">{language.month(row["month"])}</th>'
        + "".join(f"<td>{number(row[column])}</td>" for column in columns) + "</tr>"
        for row in rows))


def escaped_names(units, language):
    """Every unit's name in a language, HTML-escaped: made once per language and build."""
    return {unit_id: escape(language.name(unit)) for unit_id, unit in units.items()}
