#!/usr/bin/env bash
# The one test command: starts a throw-away PostgreSQL (the storage contract suite runs against
# SQLite and PostgreSQL, always), runs every test project, stops PostgreSQL, and ends with
# one line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")"

# The repository stands alone: no tracked file may read or cite the folder that sits beside the clone on the
# developers' machines, or the design notes that never lived here; the contracts are docs/architecture.md.
# (The patterns are assembled so that this file does not match itself.)
beside='\.\./'"sha"'red'
design='DESI''GN\.md'
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  if outside=$(git grep --untracked -n -I -e "$beside" -e "$design" -- .); then
    echo "test.sh: files refer to something outside the repository:" >&2
    echo "$outside" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# The dashboard's browser test drives Debian's chromium (headless); install it when missing and we may.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; } \
    || echo "test.sh: could not install chromium; the dashboard browser test will fail" >&2
fi

# The native executable (what the Dockerfile ships) is published and run by a test; Native AOT links with clang.
if ! command -v clang >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang zlib1g-dev >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang zlib1g-dev >/dev/null 2>&1; } \
    || echo "test.sh: could not install clang; the native executable test will fail" >&2
fi

if [ -z "${ISSUEHYGIENE_TEST_POSTGRES:-}" ]; then
  info=$(bash .ci/postgres.sh) || { echo "test.sh: could not start PostgreSQL" >&2; echo "0 passed, 1 failed"; exit 1; }
  export ISSUEHYGIENE_TEST_POSTGRES="${info%%|*}"
  rest="${info#*|}"; pgdir="${rest%%|*}"; pgbin="${rest#*|}"
  stop_pg() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "'$pgbin/pg_ctl' -D '$pgdir/data' -m immediate stop" >/dev/null 2>&1
    else "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; fi
    rm -rf "$pgdir"
  }
  trap stop_pg EXIT
fi

# python-gitlab (Debian's python3-gitlab, for /usr/bin/python3) drives the simulator in its tests;
# without it that test fails loudly, never skips.
if ! /usr/bin/python3 -c 'import gitlab' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-gitlab; } >/dev/null 2>&1; then :
  else echo "test.sh: could not install python3-gitlab (apt-get, as root); the python-gitlab test will fail" >&2; fi
fi

log=$(mktemp)
# A test that never finishes must not hold CI to its time limit: after 10 minutes without progress the test host is
# stopped and the hanging test is named in the output (no dump: it would only cost disk).
dotnet test IssueHygiene.sln -c Release --nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a build error counts as a failure
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
