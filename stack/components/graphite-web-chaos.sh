# A second graphite-web on 8090 over the same data, with a single worker, for tests that stop
# or freeze (SIGSTOP) Graphite without disturbing the main instance on 8080.
GRAPHITE_WEB_PORT=8090
GRAPHITE_WEB_WORKERS=1
# shellcheck source=graphite-web.sh
source "$REPO_DIR/stack/components/graphite-web.sh"
