#!/bin/sh
# A throw-away PostgreSQL server on 127.0.0.1 for the data tests (tests/data/postgres.test.ts).
#   scripts/pg-test-server.sh start [dir]   initialises and starts it; prints its connection string
#   scripts/pg-test-server.sh stop [dir]    stops it and removes its files
# With INSTALL=1 (CI), Debian's postgresql package is installed first when missing.
# It listens on the loopback address only, with trust authentication: it holds nothing but test rows.
set -eu
cmd=${1:-}
dir=${2:-${TMPDIR:-/tmp}/briefdeck-pg}
port=${PGTEST_PORT:-54329}

bindir() {
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

# initdb and the server refuse to run as root: run them as the postgres user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

case "$cmd" in
  start)
    if ! bin=$(bindir); then
      if [ "${INSTALL:-0}" = 1 ]; then
        echo "pg-test-server: installing postgresql from Debian" >&2
        if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get update -qq >&2
        $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
        bin=$(bindir)
      else
        echo "pg-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2
        exit 3
      fi
    fi
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$port/postgres"
      exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir'\" start" >&2 ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if bin=$(bindir) && [ -d "$dir/data" ]; then
      as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop [dir]" >&2
    exit 2
    ;;
esac
