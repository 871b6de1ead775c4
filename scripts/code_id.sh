#!/bin/sh
# The identity of the code a commit tests: a hash of its tree without the data folder (every other file's path,
# mode and content, as git stores them). Prints id=<hash> (a GitHub Actions step output).
#   sh scripts/code_id.sh [COMMIT]      COMMIT: HEAD unless given
# The workflow skips the test suite only when an earlier run whose tests passed recorded this same id (a cache
# entry keyed by it, saved after the tests passed). A push that changes only data/ after a push whose tests failed,
# or whose run was cancelled, has code that no passing run tested, so its tests run.
set -e
commit=$(git rev-parse --verify "${1:-HEAD}^{commit}")
tree=$(git ls-tree "$commit" | awk -F '\t' '$2 != "data"')
echo "id=$(printf '%s\n' "$tree" | git hash-object --stdin)"
