# shellcheck shell=bash
# Cluster storage node b: carbon-cache on :2023 (plaintext from the relay), :7022 cache query.
# Its pickle port is 2025: 2024 is taken by a system process on these machines.
CACHE_NODE=b
source "$REPO_DIR/stack/cluster/carbon-node.sh"
