# shellcheck shell=bash
# Cluster storage node a: carbon-cache on :2013 (plaintext from the relay), :7012 cache query.
CACHE_NODE=a
source "$REPO_DIR/stack/cluster/carbon-node.sh"
