#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server on a private port, then stop it.
# Usage: scripts/with-postgres.sh pytest ...
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL saknas. Kör 'make system-deps' (installerar Debians postgresql)." >&2
  exit 1
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
workdir=$(mktemp -d "${TMPDIR:-/tmp}/forebygg-pg.XXXXXX")
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root; the Debian package provides the postgres user.
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi

stop_server() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop_server EXIT

"${as_owner[@]}" "$pg_bin/initdb" -D "$workdir/data" -U forebygg --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"${as_owner[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U forebygg forebygg

echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') kör på 127.0.0.1:$port"
FOREBYGG_DATABASE_URL="postgres://forebygg@127.0.0.1:$port/forebygg" "$@"
