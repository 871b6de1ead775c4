"""The body rows of the two big tables, written in Python.

A month page has a row for each of ~1,700 units and a unit page one for each month; in Jinja every cell is a
few context calls, and these rows were most of the build's time. The table itself (caption, headings, all
the words) stays in the templates; rows hold only names, links and figures formatted by the page's language.
"""

from html import escape

from markupsafe import Markup


def _change_cell(language, change):
    return f'<td class="{language.change_class(change)}">{language.change(change) or "–"}</td>'


def ranking_rows(rows, units, names, language, base, show_parent=True, show_rank_in_parent=False, index=""):
    """<tr>s of rank, [rank in parent], name, [parent], marks, percent, change; rank-1 rows marked.

    names: escaped_names(units, language); index: "index.html" when links must name it (file://).
    """
    number = language.number
    out = []
    for row in rows:
        unit = units[row["unit_id"]]
        cells = [f'<td>{number(row["rank"])}</td>']
        if show_rank_in_parent:
            cells.append(f'<td>{number(row["rank_in_parent"])}</td>')
        cells.append(f'<th scope="row"><a href="{base}{unit["path"]}{index}">{names[unit["id"]]}</a></th>')
        if show_parent:
            parent = units.get(row["parent"]) if row["parent"] else None
            link = f'<a href="{base}{parent["path"]}{index}">{names[parent["id"]]}</a>' if parent else ""
            cells.append(f"<td>{link}</td>")
        cells.append(f'<td>{number(row["marks"])}/{number(row["max_marks"])}</td>')
        cells.append(f'<td>{language.percent(row["marks"], row["max_marks"])}</td>')
        cells.append(_change_cell(language, row["rank_change"]))
        top = ' class="top"' if row["rank"] == 1 else ""
        out.append(f"<tr{top}>{''.join(cells)}</tr>")
    return Markup("\n".join(out))


def history_rows(rows, language, month_base, show_rank_in_parent, at_rank_1_by_month=None, index=""):
    """<tr>s of month, rank/of, change, marks, percent, [rank in parent], [children at rank 1]."""
    number = language.number
    out = []
    for row in rows:
        month = row["month"]
        cells = [
            f'<th scope="row"><a href="{month_base}{month}/{index}">{language.month(month)}</a></th>',
            f'<td>{number(row["rank"])}<small>/{number(row["ranked_in_level"])}</small></td>',
            _change_cell(language, row["rank_change"]),
            f'<td>{number(row["marks"])}/{number(row["max_marks"])}</td>',
            f'<td>{language.percent(row["marks"], row["max_marks"])}</td>',
        ]
        if show_rank_in_parent:
            cells.append(f'<td>{number(row["rank_in_parent"])}</td>')
        if at_rank_1_by_month is not None:
            counts = at_rank_1_by_month.get(month)
            cells.append(f"<td>{number(counts[0])}/{number(counts[1])}</td>" if counts else "<td></td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    return Markup("\n".join(out))


def escaped_names(units, language):
    """Every unit's name in a language, HTML-escaped: made once per language and build."""
    return {unit_id: escape(language.name(unit)) for unit_id, unit in units.items()}
