#!/bin/sh
# Whether a push changed anything besides data/: prints code=true or code=false (a GitHub Actions step output).
#   sh scripts/code_changed.sh BEFORE      BEFORE: the commit the branch was at before the push
# Without a commit before it (a first push, a manual run, a history CI cannot see), everything counts as changed:
# the whole test suite runs.
before="$1"
if [ -n "$before" ] && git cat-file -e "$before^{commit}" 2>/dev/null \
    && git diff --quiet "$before" HEAD -- . ':(exclude)data/'; then
  echo "code=false"
else
  echo "code=true"
fi
