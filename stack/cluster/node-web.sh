# shellcheck shell=bash
# graphite-web of one storage node (sourced by stack/components/graphite-web-a.sh, -b.sh and
# -b-chaos.sh with WEB_NODE set), served by gunicorn: reads only its node's whisper tree and cache.
PACKAGES=(graphite-web gunicorn)
source "$REPO_DIR/stack/cluster/cluster.sh"
read -r _ _ CL_QUERY_PORT CL_WEB_PORT < <(node_ports "$WEB_NODE")
CL_NODE=$(node_store "$WEB_NODE")
CL_NODE_DIR=$CLUSTER_DIR/$CL_NODE
CL_WEB_DIR=$CLUSTER_DIR/$CL_NODE/graphite-web
SETTINGS_DIR=$CLUSTER_ETC/$COMPONENT
MODULE=hubwatch_node_${WEB_NODE//-/_}

prepare() {
  mkdir -p "$SETTINGS_DIR" "$CL_WEB_DIR" "$CL_NODE_DIR/whisper" "$LOG_DIR/graphite-$CL_NODE"
  SECRET=$(cluster_secret "$SETTINGS_DIR/secret") \
    render_cluster_template "$REPO_DIR/stack/cluster/node_settings.py.tmpl" "$SETTINGS_DIR/$MODULE.py"
  cluster_migrate "$SETTINGS_DIR" "$MODULE" "$CL_WEB_DIR"
}

run() { cluster_web_exec "$CL_WEB_PORT" "${WEB_WORKERS:-2}" "$MODULE" "$LOG_DIR/$COMPONENT-access.log"; }

healthy() { cluster_web_healthy "$CL_WEB_PORT"; }
describe() { cluster_web_describe "$CL_WEB_PORT" "storage node $CL_NODE"; }
