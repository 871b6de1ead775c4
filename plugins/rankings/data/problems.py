"""Problems found in a data folder, and how they are told to a person.

A problem's `expected` is an English message with %(name)s placeholders, marked with N_() so that
Babel extracts it; it is translated only when shown (describe), so one Problem serves Hindi and English.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from babel.numbers import format_decimal

from .vocabulary import LEVEL



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


# Characters a terminal or a log obeys rather than shows: C0 and C1 controls, DEL, bidirectional overrides
# and isolates (which can make a line read backwards), line and paragraph separators. Hindi's joiners (ZWJ,
# ZWNJ) are text and print as they are.
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A value is quoted up to this many characters: a 50 MB cell must not become a 50 MB message.
VALUE_LIMIT = 80
# Each kind of problem (the same file, column and expectation) is told this many times, then counted: 1.7 million
# unknown ids once printed 186 MB.
SHOWN_OF_A_KIND = 5


def printable(value):
    """A value as it may be printed: every unsafe character shown as its code (ESC → \\x1b)."""
    return UNSAFE.sub(lambda match: f"\\x{ord(match[0]):02x}" if ord(match[0]) < 0x100 else f"\\u{ord(match[0]):04x}",
                      value)


def shortened(text, gettext=lambda s: s):
    """A value as it may be quoted: printable, and cut after VALUE_LIMIT characters, saying how long it was."""
    if len(text) <= VALUE_LIMIT:
        return printable(text)
    return gettext("%(start)s… (%(num)s characters)") % {"start": printable(text[:VALUE_LIMIT]),
                                                           "num": indian(len(text))}


# The params that name a level: said in the reader's words, not as units.csv writes it ("यह एक zone है").
LEVEL_PARAMS = ("level", "parent_level", "actual")
# The params whose value is itself a message (marked with N_): said translated ("the marks obtained").
WORD_PARAMS = ("field",)


def said(name, value, gettext=lambda s: s):
    """A param's value as a message says it: a level in words, a list item by item, anything else as it was
    written (shortened)."""
    if name in LEVEL_PARAMS and value in LEVEL:
        return gettext(LEVEL[value].one).lower()
    if name in WORD_PARAMS:
        return gettext(value)
    if isinstance(value, (list, tuple)):  # a list (of units, say): each item shortened, not the whole
        return ", ".join(shortened(str(item), gettext) for item in value)
    return shortened(str(value), gettext)


def describe(problem, gettext=lambda s: s, last_line=None):
    """One line for a person: file:line · column · “value”: expected …; file:first–last for a run of lines.
    Everything quoted from the data (file and column names too) is printable() and shortened()."""
    where = shortened(problem.file, gettext)
    if problem.line is not None:
        where += f":{problem.line}" + (f"–{last_line}" if last_line and last_line != problem.line else "")
    parts = [where]
    if problem.column is not None:
        parts.append(gettext("column %(column)s") % {"column": shortened(problem.column, gettext)})
    if problem.value is not None:
        parts.append(f"“{shortened(str(problem.value), gettext)}”")
    expected = gettext(problem.expected) % {name: said(name, value, gettext) for name, value in problem.params.items()}
    return " · ".join(parts) + ": " + gettext("expected %(what)s") % {"what": expected}


@dataclass(frozen=True)
class Run:
    """The same problem on consecutive lines: told once, as a range of lines."""

    problem: Problem
    last_line: int | None


def runs(problems):
    """Problems (sorted by file and line) with each run of the same problem on consecutive lines joined, so a
    template saved with its marks column still empty is 2 lines of output, not 3,000."""
    found, latest = [], {}
    for problem in problems:
        key = (problem.file, problem.column, problem.value, problem.expected,
               tuple(sorted((k, str(v)) for k, v in problem.params.items())))
        at = latest.get(key)
        if at is not None and problem.line is not None and found[at].last_line == problem.line - 1:
            found[at] = replace(found[at], last_line=problem.line)
        else:
            latest[key] = len(found)
            found.append(Run(problem, problem.line))
    return found


@dataclass(frozen=True)
class More:
    """The problems of a kind past the first SHOWN_OF_A_KIND: how many there are, told in one line."""

    count: int


def kind_of(problem):
    return (problem.file, problem.column, problem.expected)


def told(problems, shown=SHOWN_OF_A_KIND):
    """What to tell of problems (sorted): runs(), but of each kind only the first `shown` runs, followed by a More
    that counts the problems left untold."""
    totals = Counter(kind_of(problem) for problem in problems)
    out, runs_of_kind, told_of_kind, last_at = [], Counter(), Counter(), {}
    for run in runs(problems):
        kind = kind_of(run.problem)
        if runs_of_kind[kind] < shown:
            runs_of_kind[kind] += 1
            told_of_kind[kind] += (run.last_line - run.problem.line + 1) if run.problem.line is not None else 1
            out.append(run)
            last_at[kind] = len(out)
    for kind, position in sorted(last_at.items(), key=lambda item: -item[1]):
        if totals[kind] > told_of_kind[kind]:
            out.insert(position, More(totals[kind] - told_of_kind[kind]))
    return out


def indian(number):
    """10000000 → "1,00,00,000": a number told in a message, grouped the Indian way as in both languages."""
    return format_decimal(number, locale="en_IN")


def describe_more(more, ngettext=lambda one, many, n: one if n == 1 else many):
    return ngettext("… and %(num)s more problem of this kind", "… and %(num)s more problems of this kind",
                    more.count) % {"num": indian(more.count)}
