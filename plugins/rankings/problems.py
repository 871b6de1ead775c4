"""Problems found in a data folder, and how they are told to a person.

A problem's `expected` is an English message with %(name)s placeholders, marked with N_() so that
Babel extracts it; it is translated only when shown (describe), so one Problem serves Hindi and English.
"""

from dataclasses import dataclass, field


def N_(message):
    """Mark a message for extraction without translating it now."""
    return message


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the data folder, with forward slashes: "police/2024-12.csv"
    line: int | None  # as a spreadsheet shows it: the header is line 1; None for a whole-file problem
    column: str | None  # column name as in the file's header; None when no column applies
    value: str | None  # the offending value as written; None when there is none
    expected: str  # English message template, marked with N_()
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self):
        return (self.file, self.line or 0, self.column or "", self.value or "")


class DataError(Exception):
    """Raised with every problem of a data folder at once."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(f"{len(self.problems)} problem(s) in the data folder")


def describe(problem, gettext=lambda s: s):
    """One line for a person: file:line: column "value": what was expected."""
    where = problem.file
    if problem.line is not None:
        where += f":{problem.line}"
    parts = [where]
    if problem.column is not None:
        parts.append(gettext("column %(column)s") % {"column": problem.column})
    if problem.value is not None:
        parts.append(f"“{problem.value}”")
    return " · ".join(parts) + ": " + gettext(problem.expected) % problem.params
