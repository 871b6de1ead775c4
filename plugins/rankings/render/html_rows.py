"""The rows of a unit page's tables, written in Python as HTML: its months (rank, percent, change, marks, the
units below it at rank 1) and its complaint counts; the cells they share with the ranking tables are ranking_rows.py's."""

from .. import urls
from .ranking_rows import RankingRows, rows_html


class HtmlRows(RankingRows):
    """Every table row a page writes in Python, in one language, for one build: the ranking tables' (RankingRows)
    and a unit's months."""

    def history(self, rows, siteurl, index="", show_rank_in_parent=False, at_rank_1_by_month=None):
        """<tr>s of month, rank/of, percent, change, marks, [rank in parent], [children at rank 1]; a month
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
        return rows_html(out)

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
        key = ("percent", row["percent"])
        parts.append(cells.get(key) or cell(key, lambda: f'<td>{language.percent(row["percent"])}</td>'))
        key = ("change", row["rank_change"], row["percent_change"])
        parts.append(cells.get(key) or cell(key, lambda: self._change(row["rank_change"], row["percent_change"])))
        key = ("marks", row["marks"], row["max_marks"])
        parts.append(cells.get(key) or cell(key, lambda: self._marks(row["marks"], row["max_marks"])))
        if show_rank_in_parent:
            parts.append(f'<td>{self.rank(row["rank_in_parent"], row["tied_in_parent"])}</td>')
        if show_counts:
            parts.append(f"<td>{number(counts[0])}/{number(counts[1])}</td>" if counts else "<td></td>")
        return f'<tr id="{urls.history_row_anchor(row["series"], month)}">{"".join(parts)}</tr>'

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
        return rows_html(
            f'<tr><th scope="row">{language.month(row["month"])}</th>'
            + "".join(missing if row[column] is None else f"<td>{number(row[column])}</td>" for column in columns)
            + "</tr>"
            for row in rows)
