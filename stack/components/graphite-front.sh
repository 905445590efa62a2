# shellcheck shell=bash
# The cluster's front graphite-web on :8080, federating nodes a (:8091) and b (:8092).
FRONT_NAME=front
FRONT_BASE_PORT=8080
FRONT_NODES=(a b)
source "$REPO_DIR/stack/cluster/front-web.sh"
