# shellcheck shell=bash
# graphite-web of cluster node b on :8092 (whisper of carbon-b, cache query :7022).
WEB_NODE=b
source "$REPO_DIR/stack/cluster/node-web.sh"
