# shellcheck shell=bash
# Shared by the cluster components (stack/components/{relay,carbon-*,graphite-web-*,graphite-front*}.sh):
# the ports and folders of the two-node Graphite cluster. Sourced, never run.
#
# Every port is the contract plus HUBWATCH_PORT_OFFSET (default 0), so a second cluster
# can run beside the shared stack (HUBWATCH_PORT_OFFSET=10000 gives relay :12003, front :18080, ...).
# Port 2024 (cache b's natural pickle port) is taken by a system process on these machines.
PORT_OFFSET=${HUBWATCH_PORT_OFFSET:-0}
cport() { printf '%s' $(($1 + PORT_OFFSET)); }

CLUSTER_DIR=$DATA_DIR/cluster
CLUSTER_ETC=$ETC_DIR/cluster
RELAY_PORT=$(cport 2003)
FRONT_PORT=$(cport 8080)
FRONT_CHAOS_PORT=$(cport 8090)

# node -> "line pickle query web" ports. b-chaos is a second graphite-web over node b's data
# for tests that stop or freeze a storage node without touching the front on 8080.
node_ports() {
  case $1 in
    a) echo "$(cport 2013) $(cport 2014) $(cport 7012) $(cport 8091)" ;;
    b) echo "$(cport 2023) $(cport 2025) $(cport 7022) $(cport 8092)" ;;
    b-chaos) echo "$(cport 2023) $(cport 2025) $(cport 7022) $(cport 8093)" ;;
    *) echo "unknown cluster node: $1" >&2; return 2 ;;
  esac
}

# Storage node of a node name (b-chaos reads node b's store).
node_store() { printf '%s' "${1%-chaos}"; }

# Like render_template, plus the cluster's own placeholders (exported as CL_*).
render_cluster_template() { # src dst
  local tmp="$2.tmp.$$"
  sed -e "s|@REPO_DIR@|$REPO_DIR|g" -e "s|@DATA_DIR@|$DATA_DIR|g" -e "s|@LOG_DIR@|$LOG_DIR|g" \
      -e "s|@ETC_DIR@|$ETC_DIR|g" \
      -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@SECRET@|${SECRET:-}|g" \
      -e "s|@NODE@|${CL_NODE:-}|g" -e "s|@NODE_DIR@|${CL_NODE_DIR:-}|g" \
      -e "s|@LINE_PORT@|${CL_LINE_PORT:-}|g" -e "s|@PICKLE_PORT@|${CL_PICKLE_PORT:-}|g" \
      -e "s|@QUERY_PORT@|${CL_QUERY_PORT:-}|g" -e "s|@RELAY_PORT@|$RELAY_PORT|g" \
      -e "s|@FRONT_PORT@|$FRONT_PORT|g" -e "s|@CLUSTER_SERVERS@|${CL_SERVERS:-}|g" \
      -e "s|@WEB_DIR@|${CL_WEB_DIR:-}|g" -e "s|@RETRY_DELAY@|${CL_RETRY_DELAY:-60}|g" \
      -e "s|@MAX_CREATES@|${HUBWATCH_CARBON_MAX_CREATES:-600}|g" \
      -e "s|@MEMBER_A@|127.0.0.1:$(cport 2013)=a|g" -e "s|@MEMBER_B@|127.0.0.1:$(cport 2023)=b|g" \
      "$1" >"$tmp" && mv "$tmp" "$2"
}

# A secret per graphite-web settings module, kept across restarts.
cluster_secret() { # file
  [ -s "$1" ] || (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$1")
  cat "$1"
}

# graphite-web's sqlite schema (events, tags), once per database folder.
cluster_migrate() { # settings-dir module db-dir
  [ -f "$3/.migrated" ] && return 0
  (PYTHONPATH=$(graphite_pythonpath "$1")
   export PYTHONPATH GRAPHITE_SETTINGS_MODULE=$2 DJANGO_SETTINGS_MODULE=graphite.settings
   graphite-manage migrate --run-syncdb) >"$3/migrate.log" 2>&1 \
    || { echo "$COMPONENT: database migration failed, see $3/migrate.log" >&2; return 1; }
  touch "$3/.migrated"
}

# A cluster graphite-web (node or front) in the foreground: its settings module from SETTINGS_DIR,
# the worker timeout the single node has (killed a second after the dashboard gave up).
cluster_web_exec() { # port workers module access-log
  PYTHONPATH=$(graphite_pythonpath "$SETTINGS_DIR")
  export PYTHONPATH GRAPHITE_SETTINGS_MODULE=$3 DJANGO_SETTINGS_MODULE=graphite.settings
  exec gunicorn --bind "127.0.0.1:$1" --workers "$2" --timeout "$(graphite_worker_timeout)" \
    --access-logfile "$4" graphite.wsgi:application
}

cluster_web_healthy() { curl -sf --max-time 2 "http://127.0.0.1:$1/version" >/dev/null; }

cluster_web_describe() { # port what
  local v
  if v=$(curl -sf --max-time 2 "http://127.0.0.1:$1/version"); then
    printf '%-20s up    :%s version %s (%s)\n' "$COMPONENT" "$1" "$v" "$2"
  else printf '%-20s DOWN  :%s (%s)\n' "$COMPONENT" "$1" "$2"; fi
}
