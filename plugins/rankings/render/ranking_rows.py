"""The rows of the big tables, and the head of every ranking table, written in Python as HTML.

A month page has a row for each of ~1,700 units and a unit page one for each month; in Jinja every cell is a
few context calls, and these rows were most of the build's time. The table around them (its caption and the
other tables' words) stays in the templates; rows hold only names, links and figures formatted by the page's
language, and head() is the one head of a ranking table, for the templates and the month page's groups alike.

Cells recur: a unit's link is the same on every month page (all at one depth, so with one relative SITEURL), a
month's link the same on every unit page, and marks, percents and changes repeat. Each distinct cell is made
once per build and language. Links come from urls.py: siteurl is the page's way to the site's root (Pelican's
SITEURL), index is "index.html" when links must name it (file://).
"""

import re
from html import escape

from markupsafe import Markup

from .. import urls

TOP = ' class="top"'
# HTML lets a table row leave out </td>, </th> and </tr>: the next cell, the next row or the table's end closes
# them. The rows written here leave them out: a sixth of a ranking table's bytes (24 MiB of ten years' pages,
# issue 18), the same document for a browser, a screen reader and the validator.
END_TAGS = re.compile("</t[dhr]>")


def rows_html(rows):
    """Table rows, one per line, without the end tags HTML lets them leave out."""
    return Markup(END_TAGS.sub("", "\n".join(rows)))


class RankingRows:
    """The rows of the ranking tables and the month page's groups in one language, for one build (names and cells are
    kept for the build)."""

    def __init__(self, units, language):
        self.units = units
        self.language = language
        self.names = {unit_id: escape(language.name(unit)) for unit_id, unit in units.items()}
        self._cells = {}

    def _cell(self, key, make):
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = make()
        return cell

    def _unit_link(self, unit_id, siteurl, index):
        unit = self.units[unit_id]
        return f'<a href="{urls.href(siteurl, urls.in_language(unit["path"], self.language), index)}">' \
               f'{self.names[unit_id]}</a>'

    def _change_text(self, change, points):
        """A rank change with the change of percent beside it, in points: "▼1,290 (−5)"."""
        text, points = self.language.change_and_points(change, points)
        return f"{text} ({points})" if points else text

    def _change(self, change, points):
        return f'<td class="{self.language.change_class(change)}">{self._change_text(change, points)}</td>'

    def _marks(self, marks, max_marks):
        return f"<td>{self.language.number(marks)}/{self.language.number(max_marks)}</td>"

    def ranking(self, rows, siteurl, index="", show_parent=True, show_rank_in_parent=False, anchors=False):
        """<tr>s of rank, name, percent, change, [rank in parent], marks, [parent]: what a reader came for first, in
        view on a phone without scrolling (a table scrolls in its own box); rank-1 rows marked; a shared
        rank says how many share it; anchors: each row has its unit's id as anchor (a month page, where a unit
        has one row: /police/2025-10/#<unit-id>). The hottest loop of the build (every unit of every month,
        twice): one lookup per cell."""
        rank_text, cells, cell = self.rank, self._cells, self._cell
        out = []
        for row in rows:
            rank, unit_id = row["rank"], row["unit_id"]
            key = ("name", unit_id, siteurl, index, anchors)
            name = cells.get(key) or cell(key, lambda: self._name_cell(unit_id, siteurl, index, anchors))
            parent = ""
            if show_parent:
                key = ("parent", row["parent"], siteurl, index)
                parent = cells.get(key) or cell(key, lambda: f'<td class="t">{self._unit_link(row["parent"], siteurl, index)}</td>'
                                                if row["parent"] else "<td></td>")
            key = ("figures", row["percent"], row["rank_change"], row["percent_change"])
            figures = cells.get(key) or cell(key, lambda: f'<td>{self.language.percent(row["percent"])}</td>'
                                             + self._change(row["rank_change"], row["percent_change"]))
            in_parent = f'<td>{rank_text(row["rank_in_parent"], row["tied_in_parent"])}</td>' \
                if show_rank_in_parent else ""
            key = ("marks", row["marks"], row["max_marks"])
            marks = cells.get(key) or cell(key, lambda: self._marks(row["marks"], row["max_marks"]))
            out.append(f'<tr{TOP if rank == 1 else ""}><td>{rank_text(rank, row["tied"])}</td>'
                       f'{name}{figures}{in_parent}{marks}{parent}</tr>')
        return rows_html(out)

    def _name_cell(self, unit_id, siteurl, index, anchored):
        """The row's heading, the unit's name linked to its page; anchored: with the unit's id as the anchor of
        its row on a month page (on the cell next to the link, where the id costs least in a gzipped page)."""
        anchor = f' id="{urls.month_row_anchor(unit_id)}"' if anchored else ""
        return f'<th{anchor} scope="row">{self._unit_link(unit_id, siteurl, index)}</th>'

    def rank(self, rank, tied):
        """A rank as a table shows it (Language.rank), as text kept for the build: one per rank and tie."""
        key = ("rank", rank, tied)
        text = self._cells.get(key)
        if text is None:
            text = self._cells[key] = str(self.language.rank(rank, tied))
        return text

    def group_sections(self, groups, words, siteurl, index="", show_rank_in_parent=True, compared=True):
        """A month's units of a grouped level (stations, tehsils), one <section> per parent in the order given:
        heading, how many are at rank 1, those units by name under the figures they share (_at_rank_1), and a
        table of the rest: rank, name, percent, change, rank in parent, marks. Written here, not in the
        template: a month page has 75 of them, and the build 240 month pages in two languages. compared: the level
        was ranked the month before, so that a unit without a change is new, not every unit."""
        language = self.language
        out = []
        for group in groups:
            parent = group["parent"]
            top = [row for row in group["rows"] if row["rank"] == 1]
            rest = [row for row in group["rows"] if row["rank"] != 1]
            parts = [f'<section class="group" id="{urls.group_anchor(parent["id"])}">\n'
                     f'<h3>{self._unit_link(parent["id"], siteurl, index)}</h3>\n'
                     f'<p>{words.at_rank_1(group["at_rank_1"], group["ranked"])}</p>']
            if top:
                parts.append(self._at_rank_1(top, parent, siteurl, index, show_rank_in_parent, compared))
            if rest:
                caption = Markup.escape(language.gettext("%(parent)s: below rank 1")) % {"parent": language.name(parent)}
                parts.append(
                    f'<div class="scroll" tabindex="0" role="region" aria-label="{escape(caption.striptags())}">'
                    f'<table class="ranking">\n<caption>{caption}</caption>\n'
                    f'{self.head(False, parent if show_rank_in_parent else None)}\n<tbody>\n'
                    f'{self.ranking(rest, siteurl, index, False, show_rank_in_parent, anchors=True)}\n'
                    f'</tbody>\n</table></div>')
            parts.append("</section>")
            out.append("\n".join(parts))
        return Markup("\n".join(out))

    def _at_rank_1(self, rows, parent, siteurl, index, show_rank_in_parent, compared):
        """A group's units at rank 1: what they share (rank and rank in parent, both joint, marks, percent) said
        once, then their names in the language's order, each with its unit id as anchor and, where it moved, its
        change from the month before. 1,250 of 1,575 stations are at rank 1 in a month: as table rows they
        repeated the same five cells 1,250 times, for a phone to scroll through."""
        language = self.language
        shared = {}  # units at rank 1 share the percent, and the marks unless their max_marks differ
        for row in rows:
            shared.setdefault((row["marks"], row["max_marks"]), []).append(row)
        out = []
        for (marks, max_marks), members in shared.items():
            first = members[0]
            figures = [(language.gettext("Rank"), self.rank(1, first["tied"]))]
            if show_rank_in_parent:
                figures.append((language.rank_in(parent), self.rank(first["rank_in_parent"], first["tied_in_parent"])))
            figures += [(language.gettext("Marks"), f"{language.number(marks)}/{language.number(max_marks)}"),
                        (language.gettext("Percent"), language.percent(first["percent"]))]
            names = sorted(members, key=lambda row: language.sort_key(language.name(self.units[row["unit_id"]])))
            out.append('<div class="at-1"><dl class="shared">'
                       + "".join(f"<div><dt>{escape(term)}</dt><dd>{value}</dd></div>" for term, value in figures)
                       + '</dl>\n<ul class="names">'
                       # an <li> ends where the next begins (HTML): 0.23 KB less of a month page, gzipped
                       + "".join(f"<li>{self._named(row, siteurl, index, compared)}" for row in names)
                       + "</ul></div>")
        return "\n".join(out)

    def _named(self, row, siteurl, index, compared=True):
        """A unit in a list of names: its name linked to its page, its unit id as anchor (the month page's
        /police/2025-10/#<unit-id>), and its change where rank or percent moved: "▲1,424 (+17.87)"; where the
        level was ranked the month before (compared) and the unit was not, that it was not."""
        unit_id, language = row["unit_id"], self.language
        key = ("named", unit_id, siteurl, index)  # the same on every month page of a language
        link = self._cells.get(key) or self._cell(key, lambda: (
            f'<a id="{urls.month_row_anchor(unit_id)}" href="'
            f'{urls.href(siteurl, urls.in_language(self.units[unit_id]["path"], language), index)}">{self.names[unit_id]}</a>'))
        change, points = row["rank_change"], row["percent_change"]
        if change is None:
            if not compared:
                return link
            new = escape(language.gettext("not ranked the month before"))  # outside the f-string, for pybabel
            return link + f' <small class="na">({new})</small>'
        if change == 0 and not points:
            return link
        key = ("named change", change, points)
        return link + (self._cells.get(key) or self._cell(
            key, lambda: f' <small class="{language.change_class(change)}">{self._change_text(change, points)}</small>'))

    def head(self, show_parent=True, in_parent=None):
        """The <thead> of every ranking table (a month's levels, a group's units below rank 1, a unit's children):
        rank, name, percent, change, [rank in parent, headed by what in_parent is], marks, [the parent]."""
        rank_in = self.language.rank_in(in_parent) if in_parent else None
        key = ("head", rank_in, show_parent)
        head = self._cells.get(key)
        if head is None:
            _ = self.language.gettext  # the words outside f-strings, where pybabel finds them
            rank, name, under = escape(_("Rank")), escape(_("Name")), escape(_("Under"))
            figures = [escape(word) for word in (_("Percent"), _("Change: rank (percentage points)"), _("Marks"))]
            head = self._cells[key] = Markup(
                f'<thead><tr><th scope="col">{rank}</th><th scope="col" class="t">{name}</th>'
                + "".join(f'<th scope="col">{word}</th>' for word in figures[:2])
                + (f'<th scope="col">{escape(rank_in)}</th>' if rank_in else "")
                + f'<th scope="col">{figures[2]}</th>'
                + (f'<th scope="col" class="t">{under}</th>' if show_parent else "") + "</tr></thead>")
        return head
