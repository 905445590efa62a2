# PostgreSQL from Debian's postgresql package, for the tests (and operators) that keep hubwatch's
# records in PostgreSQL instead of the default SQLite file: a cluster of its own under the data dir,
# on 127.0.0.1:$HUBWATCH_PG_PORT (default 5433, clear of a system cluster on 5432), superuser and
# database `hubwatch`, password `hubwatch` (a test stack on loopback, never the network).
#   HUBWATCH_DATABASE_URL=postgres://hubwatch:hubwatch@127.0.0.1:5433/hubwatch
PACKAGES=(postgresql)
PG_PORT=${HUBWATCH_PG_PORT:-5433}
PG_DATA=$DATA_DIR/postgres
PG_SOCKETS=$RUN_DIR/postgres

pg_bin() { # newest installed major version's server binaries
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "postgres: no /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; return 1; }
  printf '%s/%s' "$dir" "$1"
}

# PostgreSQL refuses to run as root: as root, its files belong to Debian's `postgres` user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_own() { if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$@"; fi; }

prepare() {
  mkdir -p "$PG_DATA" "$PG_SOCKETS"
  pg_own "$PG_DATA" "$PG_SOCKETS"
  chmod 700 "$PG_DATA"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    local pwfile
    pwfile=$(mktemp)
    printf 'hubwatch\n' >"$pwfile"
    pg_own "$pwfile"
    as_pg "$(pg_bin initdb)" -D "$PG_DATA" -U hubwatch --pwfile="$pwfile" --auth-local=scram-sha-256 \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/postgres-initdb.log" 2>&1 \
      || { rm -f "$pwfile"; echo "postgres: initdb failed, see $LOG_DIR/postgres-initdb.log" >&2; return 1; }
    rm -f "$pwfile"
    # The database the URL names; single-user mode, before anything listens.
    echo 'CREATE DATABASE hubwatch' | as_pg "$(pg_bin postgres)" --single -D "$PG_DATA" postgres >>"$LOG_DIR/postgres-initdb.log" 2>&1 \
      || { echo "postgres: creating database hubwatch failed, see $LOG_DIR/postgres-initdb.log" >&2; return 1; }
  fi
}

run() {
  # fsync stays on: the durability tests kill the dashboard, never this server, but a test stack
  # that lies about fsync would make their PostgreSQL half meaningless.
  local cmd=("$(pg_bin postgres)" -D "$PG_DATA" -p "$PG_PORT" -c listen_addresses=127.0.0.1
    -c unix_socket_directories="$PG_SOCKETS" -c max_connections=100 -c shared_buffers=32MB)
  if [ "$(id -u)" = 0 ]; then cmd=(setpriv --reuid=postgres --regid=postgres --init-groups "${cmd[@]}"); fi
  "${cmd[@]}" &
  local pid=$!
  # stack.sh stops with TERM, which PostgreSQL takes as "smart" shutdown: it would wait for every
  # dashboard's pooled connection to go. INT is its "fast" shutdown: sessions end, data is flushed.
  trap 'kill -INT "$pid" 2>/dev/null' TERM INT
  wait "$pid" || wait "$pid"
}

healthy() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -d hubwatch -t 2; }

describe() {
  if healthy; then printf '%-14s up    :%s database hubwatch (%s)\n' "$COMPONENT" "$PG_PORT" "$PG_DATA"
  else printf '%-14s DOWN  :%s\n' "$COMPONENT" "$PG_PORT"; fi
}
