# shellcheck shell=bash
# Tests only: a second graphite-web over node b on :8093, one worker. graphite-front-chaos
# federates it, so tests can stop or SIGSTOP a storage node without touching the front on :8080.
WEB_NODE=b-chaos
WEB_WORKERS=1
source "$REPO_DIR/stack/cluster/node-web.sh"
