"""Compare two built sites: which files differ, and how, in a few lines each.

    python scripts/compare_builds.py OLD NEW [--show 20]

Files only in one tree are listed; for a differing text file, each changed line is shown around its first
difference (a minified SVG is one line). Identical changes are told once with a count, so a change that
touches every unit page reads as one entry.
"""

import argparse
import difflib
from collections import Counter
from pathlib import Path


def excerpt(old, new, width=70):
    """The part of two lines around where they first differ."""
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    tail = 0
    while tail < min(len(old), len(new)) - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    cut = slice(max(0, start - width // 2), None)
    return old[cut][: len(old) - tail - cut.start + width // 2], new[cut][: len(new) - tail - cut.start + width // 2]


def changes(old_file, new_file):
    try:
        old, new = old_file.read_text(encoding="utf-8").splitlines(), new_file.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return [("(binary)", "(binary)")]
    found = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a2 - a1 == b2 - b1:
            found += [excerpt(a, b) for a, b in zip(old[a1:a2], new[b1:b2])]
        else:
            found.append(("\n".join(old[a1:a2])[:140], "\n".join(new[b1:b2])[:140]))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show", type=int, default=30, help="how many distinct changes to print")
    args = parser.parse_args()
    old = {p.relative_to(args.old) for p in args.old.rglob("*") if p.is_file()}
    new = {p.relative_to(args.new) for p in args.new.rglob("*") if p.is_file()}
    for label, paths in (("only in old", old - new), ("only in new", new - old)):
        if paths:
            print(f"{label}: {len(paths)}, e.g. {', '.join(map(str, sorted(paths)[:5]))}")
    kinds, files = Counter(), Counter()
    examples = {}
    for path in sorted(old & new):
        a, b = args.old / path, args.new / path
        if a.read_bytes() == b.read_bytes():
            continue
        files[path.suffix] += 1
        for change in changes(a, b):
            kinds[change] += 1
            examples.setdefault(change, path)
    print(f"differing files: {sum(files.values())} ({', '.join(f'{n} {s}' for s, n in files.most_common())})"
          f" of {len(old & new)} in both")
    for (before, after), count in kinds.most_common(args.show):
        print(f"\n{count}× e.g. {examples[(before, after)]}\n  - {before}\n  + {after}")


if __name__ == "__main__":
    main()
