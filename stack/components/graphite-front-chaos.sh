# shellcheck shell=bash
# Tests only: a second front on :8090 (one worker) federating node a (:8091) and graphite-web-b-chaos
# (:8093), for tests that stop or freeze the front or a storage node; the cluster's twin of
# graphite-web-chaos. Shares the front's events database.
FRONT_NAME=front-chaos
FRONT_BASE_PORT=8090
FRONT_NODES=(a b-chaos)
WEB_WORKERS=1
source "$REPO_DIR/stack/cluster/front-web.sh"
