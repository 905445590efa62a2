# shellcheck shell=bash
# One carbon-cache of the cluster (sourced by stack/components/carbon-a.sh and carbon-b.sh with
# CACHE_NODE set): line receiver for the relay, cache query port for its node's graphite-web.
PACKAGES=(graphite-carbon python3-whisper)
source "$REPO_DIR/stack/cluster/cluster.sh"
read -r CL_LINE_PORT CL_PICKLE_PORT CL_QUERY_PORT _ < <(node_ports "$CACHE_NODE")
CL_NODE=$CACHE_NODE
CL_NODE_DIR=$CLUSTER_DIR/$CACHE_NODE

prepare() {
  mkdir -p "$CL_NODE_DIR/whisper" "$CL_NODE_DIR/lists" "$CL_NODE_DIR/run" "$LOG_DIR/carbon-$CL_NODE" "$CLUSTER_ETC"
  render_cluster_template "$REPO_DIR/stack/cluster/carbon-cache.conf.tmpl" "$CLUSTER_ETC/carbon-$CL_NODE.conf"
  # Retention from the catalog's layout and the aggregation file, as stack/components/carbon.sh does.
  mkdir -p "$CLUSTER_ETC/carbon"
  render_layout carbon-schemas "$CLUSTER_ETC/carbon/storage-schemas.conf"
  cp "$REPO_DIR/stack/carbon/storage-aggregation.conf" "$CLUSTER_ETC/carbon/storage-aggregation.conf"
  /usr/bin/python3 "$REPO_DIR/stack/carbon/resize-whisper.py" "$CL_NODE_DIR/whisper" "$CLUSTER_ETC/carbon"
}

run() {
  # --instance gives the self-metrics their own name (carbon.node_<n>.agents.<host>-<n>).
  exec carbon-cache --config="$CLUSTER_ETC/carbon-$CL_NODE.conf" --instance="$CL_NODE" \
    --pidfile="$CL_NODE_DIR/run/carbon-twistd.pid" --nodaemon start
}

healthy() { tcp_open "$CL_LINE_PORT" && tcp_open "$CL_QUERY_PORT"; }

describe() {
  if healthy; then printf '%-20s up    :%s plaintext, :%s cache query (%s)\n' "$COMPONENT" "$CL_LINE_PORT" "$CL_QUERY_PORT" "$CL_NODE_DIR/whisper"
  else printf '%-20s DOWN  :%s\n' "$COMPONENT" "$CL_LINE_PORT"; fi
}
