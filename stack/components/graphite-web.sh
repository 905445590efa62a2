# graphite-web from Debian's graphite-web package, served by gunicorn on 127.0.0.1:8080.
PACKAGES=(graphite-web gunicorn)
GRAPHITE_WEB_PORT=${GRAPHITE_WEB_PORT:-8080}
GRAPHITE_WEB_WORKERS=${GRAPHITE_WEB_WORKERS:-3}
# A worker still busy this long after the dashboard gave up on its render (GRAPHITE_TIMEOUT_MS,
# default 10 s) is killed and replaced: one expensive render must not hold a worker for minutes.
GRAPHITE_WEB_TIMEOUT=$(graphite_worker_timeout)

# Debian's graphite.wsgi defaults to a settings module that does not exist; name ours explicitly.
graphite_env() {
  PYTHONPATH=$(graphite_pythonpath "$ETC_DIR/graphite-web")
  export PYTHONPATH
  export GRAPHITE_SETTINGS_MODULE=hubwatch_graphite_settings
  export DJANGO_SETTINGS_MODULE=graphite.settings
}

prepare() {
  mkdir -p "$ETC_DIR/graphite-web" "$DATA_DIR/graphite-web" "$LOG_DIR/graphite-web"
  local secret_file="$ETC_DIR/graphite-web/secret"
  [ -s "$secret_file" ] || (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$secret_file")
  SECRET=$(cat "$secret_file") render_template "$REPO_DIR/stack/graphite-web/local_settings.py.tmpl" \
    "$ETC_DIR/graphite-web/hubwatch_graphite_settings.py"
  # The events API and tag database need the sqlite schema; migrate once.
  if [ ! -f "$DATA_DIR/graphite-web/.migrated" ]; then
    (graphite_env; graphite-manage migrate --run-syncdb) >"$LOG_DIR/graphite-web/migrate.log" 2>&1 \
      || { echo "graphite-web: database migration failed, see $LOG_DIR/graphite-web/migrate.log" >&2; return 1; }
    touch "$DATA_DIR/graphite-web/.migrated"
  fi
}

run() {
  graphite_env
  exec gunicorn --bind "127.0.0.1:$GRAPHITE_WEB_PORT" --workers "$GRAPHITE_WEB_WORKERS" --timeout "$GRAPHITE_WEB_TIMEOUT" \
    --access-logfile "$LOG_DIR/$COMPONENT-access.log" graphite.wsgi:application
}

healthy() { curl -sf --max-time 2 "http://127.0.0.1:$GRAPHITE_WEB_PORT/version" >/dev/null; }

describe() {
  local v
  if v=$(curl -sf --max-time 2 "http://127.0.0.1:$GRAPHITE_WEB_PORT/version"); then
    printf '%-14s up    :%s version %s\n' "$COMPONENT" "$GRAPHITE_WEB_PORT" "$v"
  else printf '%-14s DOWN  :%s\n' "$COMPONENT" "$GRAPHITE_WEB_PORT"; fi
}
