# shellcheck shell=bash
# The front graphite-web (sourced by stack/components/graphite-front.sh and graphite-front-chaos.sh
# with FRONT_NAME, FRONT_BASE_PORT and FRONT_NODES set): federates the storage nodes' graphite-webs
# (CLUSTER_SERVERS, RemoteFinder), no local whisper data, holds the events database.
PACKAGES=(graphite-web gunicorn)
source "$REPO_DIR/stack/cluster/cluster.sh"
CL_NODE=$FRONT_NAME
FRONT_WEB_PORT=$(cport "$FRONT_BASE_PORT")
CL_WEB_DIR=$CLUSTER_DIR/front
SETTINGS_DIR=$CLUSTER_ETC/$COMPONENT
MODULE=hubwatch_${FRONT_NAME//-/_}
CL_RETRY_DELAY=${HUBWATCH_FRONT_RETRY_DELAY:-10}

front_servers() {
  local n out=""
  for n in "${FRONT_NODES[@]}"; do
    read -r _ _ _ web < <(node_ports "$n")
    out+="${out:+, }'127.0.0.1:$web'"
  done
  printf '%s' "$out"
}

prepare() {
  mkdir -p "$SETTINGS_DIR" "$CL_WEB_DIR" "$LOG_DIR/graphite-$CL_NODE"
  SECRET=$(cluster_secret "$SETTINGS_DIR/secret") CL_SERVERS=$(front_servers) \
    render_cluster_template "$REPO_DIR/stack/cluster/front_settings.py.tmpl" "$SETTINGS_DIR/$MODULE.py"
  cluster_migrate "$SETTINGS_DIR" "$MODULE" "$CL_WEB_DIR"
}

run() { cluster_web_exec "$FRONT_WEB_PORT" "${WEB_WORKERS:-3}" "$MODULE" "$LOG_DIR/$COMPONENT-access.log"; }

healthy() { cluster_web_healthy "$FRONT_WEB_PORT"; }
describe() { cluster_web_describe "$FRONT_WEB_PORT" "front over $(front_servers | tr -d "'")"; }
