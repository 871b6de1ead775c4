"""The body rows of the big tables, written in Python.

A month page has a row for each of ~1,700 units and a unit page one for each month; in Jinja every cell is a
few context calls, and these rows were most of the build's time. The table itself (caption, headings, all
the words) stays in the templates; rows hold only names, links and figures formatted by the page's language.

Cells recur: a unit's link is the same on every month page (all at one depth, so with one relative SITEURL), a
month's link the same on every unit page, and marks, percents and changes repeat. Each distinct cell is made
once per build and language. Links come from urls.py: siteurl is the page's way to the site's root (Pelican's
SITEURL), index is "index.html" when links must name it (file://).
"""

from html import escape

from markupsafe import Markup


from . import urls

TOP = ' class="top"'


class TableRows:
    """The rows of the big tables in one language, for one build (names and cells are kept for the build)."""

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
        language = self.language
        text = language.change(change) or "–"
        if points is not None and (points or change):  # "=" alone when neither rank nor percent moved
            text += f" ({language.points(points)})"
        return text

    def _change(self, change, points):
        return f'<td class="{self.language.change_class(change)}">{self._change_text(change, points)}</td>'

    def _marks(self, marks, max_marks):
        return f"<td>{self.language.number(marks)}/{self.language.number(max_marks)}</td>"

    def ranking(self, rows, siteurl, index="", show_parent=True, show_rank_in_parent=False, anchors=False):
        """<tr>s of rank, [rank in parent], name, [parent], marks, percent, change; rank-1 rows marked; a shared
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
            key = ("figures", row["marks"], row["max_marks"], row["percent"])
            figures = cells.get(key) or cell(key, lambda: self._marks(row["marks"], row["max_marks"])
                                             + f'<td>{self.language.percent(row["percent"])}</td>')
            key = ("change", row["rank_change"], row["percent_change"])
            figures += cells.get(key) or cell(key, lambda: self._change(row["rank_change"], row["percent_change"]))
            in_parent = f'<td>{rank_text(row["rank_in_parent"], row["tied_in_parent"])}</td>' \
                if show_rank_in_parent else ""
            out.append(f'<tr{TOP if rank == 1 else ""}><td>{rank_text(rank, row["tied"])}</td>'
                       f'{in_parent}{name}{parent}{figures}</tr>')
        return Markup("\n".join(out))

    def _name_cell(self, unit_id, siteurl, index, anchored):
        """The row's heading, the unit's name linked to its page; anchored: with the unit's id as the anchor of
        its row on a month page (on the cell next to the link, where the id costs least in a gzipped page)."""
        anchor = f' id="{urls.month_row_anchor(unit_id)}"' if anchored else ""
        return f'<th{anchor} scope="row">{self._unit_link(unit_id, siteurl, index)}</th>'

    def history(self, rows, siteurl, index="", show_rank_in_parent=False, at_rank_1_by_month=None):
        """<tr>s of month, rank/of, change, marks, percent, [rank in parent], [children at rank 1]; a month
        without the unit's rank says why (pages.timeline): not published, or not ranked."""
        cells = self._cells
        columns = 4 + show_rank_in_parent + (at_rank_1_by_month is not None)
        out = []
        for row in rows:
            month = row["month"]
            status = row.get("status")
            counts = at_rank_1_by_month.get(month) if at_rank_1_by_month is not None else None
            if not status and row["tied"] == 1:  # a rank of its own: a row of its own
                out.append(self._history_row(row, status, counts, columns, siteurl, index, show_rank_in_parent,
                                             at_rank_1_by_month is not None))
                continue
            # A shared rank's row recurs: every station at rank 1 on full marks has the same row for a month.
            key = ("history", row["series"], month, status, row.get("rank"), row.get("ranked_in_level"),
                   row.get("tied"), row.get("rank_change"), row.get("percent_change"), row.get("marks"),
                   row.get("max_marks"), row.get("percent"), show_rank_in_parent and row.get("rank_in_parent"),
                   show_rank_in_parent and row.get("tied_in_parent"), counts, columns, siteurl, index)
            made = cells.get(key)
            if made is None:
                made = cells[key] = self._history_row(row, status, counts, columns, siteurl, index,
                                                      show_rank_in_parent, at_rank_1_by_month is not None)
            out.append(made)
        return Markup("\n".join(out))

    def _history_row(self, row, status, counts, columns, siteurl, index, show_rank_in_parent, show_counts):
        language, number, cells, cell = self.language, self.language.number, self._cells, self._cell
        month = row["month"]
        if status:
            # A month the series did not publish has no page to link to.
            label = (language.gettext("not published") if status == "not_published"
                     else language.gettext("not ranked this month"))
            month_cell = self._month_cell(row["series"], month, siteurl, index) if status == "not_ranked" \
                else f'<th scope="row">{language.month(month)}</th>'
            return f'<tr id="{urls.history_row_anchor(row["series"], month)}" class="gap">{month_cell}<td colspan="{columns}">{label}</td></tr>'
        parts = [
            self._month_cell(row["series"], month, siteurl, index),
            f'<td>{number(row["rank"])}<small>/{number(row["ranked_in_level"])}</small>'
            f'{language.joint_short(row["tied"])}</td>',
        ]
        key = ("change", row["rank_change"], row["percent_change"])
        parts.append(cells.get(key) or cell(key, lambda: self._change(row["rank_change"], row["percent_change"])))
        key = ("marks", row["marks"], row["max_marks"])
        parts.append(cells.get(key) or cell(key, lambda: self._marks(row["marks"], row["max_marks"])))
        key = ("percent", row["percent"])
        parts.append(cells.get(key) or cell(key, lambda: f'<td>{language.percent(row["percent"])}</td>'))
        if show_rank_in_parent:
            parts.append(f'<td>{self.rank(row["rank_in_parent"], row["tied_in_parent"])}</td>')
        if show_counts:
            parts.append(f"<td>{number(counts[0])}/{number(counts[1])}</td>" if counts else "<td></td>")
        return f'<tr id="{urls.history_row_anchor(row["series"], month)}">{"".join(parts)}</tr>'

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
        table of the rest: rank, rank in parent, name, marks, percent, change. Written here, not in the
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
                    f'{self._group_head(parent, show_rank_in_parent)}\n<tbody>\n'
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
                       + "".join(f"<li>{self._named(row, siteurl, index, compared)}</li>" for row in names)
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

    def _group_head(self, parent, show_rank_in_parent):
        """The <thead> of a group's table, as the ranking_table macro writes it (one per kind of parent)."""
        rank_in = self.language.rank_in(parent)
        key = ("group head", rank_in, show_rank_in_parent)
        head = self._cells.get(key)
        if head is None:
            _ = self.language.gettext  # the words outside f-strings, where pybabel finds them
            words = [escape(word) for word in (_("Rank"), rank_in, _("Name"),
                                               _("Marks"), _("Percent"), _("Change: rank (percentage points)"))]
            rank_in = f'<th scope="col">{words[1]}</th>' if show_rank_in_parent else ""
            head = self._cells[key] = (
                f'<thead><tr><th scope="col">{words[0]}</th>{rank_in}<th scope="col" class="t">{words[2]}</th>'
                f'<th scope="col">{words[3]}</th><th scope="col">{words[4]}</th><th scope="col">{words[5]}</th>'
                f'</tr></thead>')
        return head

    def _month_cell(self, series_id, month, siteurl, index):
        key = ("month", series_id, month, siteurl, index)
        return self._cells.get(key) or self._cell(key, lambda: '<th scope="row"><a href="{}">{}</a></th>'.format(
            urls.href(siteurl, urls.in_language(urls.month(series_id, month), self.language), index),
            self.language.month(month)))

    def counts(self, rows, columns):
        """<tr>s of month and the complaint and feedback counts given (columns), one row per month; a count the
        month's file left empty reads "not reported", never a blank cell."""
        language, number = self.language, self.language.number
        not_reported = language.gettext("not reported")  # outside the f-string, where pybabel finds it
        missing = f'<td class="na">{not_reported}</td>'
        return Markup("\n".join(
            f'<tr><th scope="row">{language.month(row["month"])}</th>'
            + "".join(missing if row[column] is None else f"<td>{number(row[column])}</td>" for column in columns)
            + "</tr>"
            for row in rows))
