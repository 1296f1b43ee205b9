#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on a free loopback port for the storage tests and
# prints the connection string. Installs the server from Debian's packages when it is missing.
# The server never runs as root: as root we run it as the `postgres` system user.
# TCP logins need a password (scram-sha-256, a random one per cluster) so the storage tests can
# check that a wrong password gives a clear start-up error; the local socket stays trust for pg_ctl.
set -euo pipefail

pgbin=""
for v in 17 16 15; do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then pgbin="/usr/lib/postgresql/$v/bin"; break; fi
done
if [ -z "$pgbin" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "postgres.sh: installing postgresql from Debian's packages" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    echo "postgres.sh: PostgreSQL is not installed; run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  for v in 17 16 15; do
    if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then pgbin="/usr/lib/postgresql/$v/bin"; break; fi
  done
fi

port=""
for _ in $(seq 1 50); do
  p=$(( 20000 + RANDOM % 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "postgres.sh: no free port found" >&2; exit 1; }
dir=$(mktemp -d /tmp/issuehygiene-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" > "$dir/pwfile"
[ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
chmod 600 "$dir/pwfile"
run "'$pgbin/initdb' -D '$dir/data' --auth-local=trust --auth-host=scram-sha-256 --pwfile='$dir/pwfile' -U postgres --no-sync" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
run "'$pgbin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }
echo "$dir" > "$dir/.dir"
rm -f "$dir/pwfile"
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres;Pooling=true|$dir|$pgbin"
