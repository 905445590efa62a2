# shellcheck shell=bash
# graphite-web of cluster node a on :8091 (whisper of carbon-a, cache query :7012).
WEB_NODE=a
source "$REPO_DIR/stack/cluster/node-web.sh"
