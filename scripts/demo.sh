#!/usr/bin/env bash
# npm run demo: the whole product on one machine. Starts the Graphite stack and a demo JupyterHub,
# a classroom simulator driving the hub, the collector (log + /hub/metrics + /hub/health) and the
# dashboard on http://127.0.0.1:3000. Ctrl-C stops everything this script started.
# --cluster: the same on the Graphite cluster (relay, two carbon-caches, a graphite-web per node,
# a federating front on 8080); the dashboard then probes the storage nodes (HUBWATCH_GRAPHITE_NODES).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}
HUB_NAME=${HUB_NAME:-default}

SERVICES=(carbon graphite-web statsd hub)
cluster=0
for a in "$@"; do
  case $a in
    --cluster) cluster=1 ;;
    *) echo "usage: npm run demo [-- --cluster]" >&2; exit 2 ;;
  esac
done
if [ "$cluster" = 1 ]; then
  SERVICES=(carbon-a carbon-b relay graphite-web-a graphite-web-b graphite-front statsd hub)
  export HUBWATCH_GRAPHITE_NODES=${HUBWATCH_GRAPHITE_NODES:-http://127.0.0.1:8091 http://127.0.0.1:8092}
  export HUBWATCH_GRAPHITE_RETRY_DELAY_S=${HUBWATCH_GRAPHITE_RETRY_DELAY_S:-10}
fi
bash stack/install.sh "${SERVICES[@]}"

started=()
children=()
cleanup() {
  trap - INT TERM EXIT
  echo
  log "stopping the demo"
  local p
  for p in "${children[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${children[@]}"; do wait "$p" 2>/dev/null || true; done
  [ ${#started[@]} -eq 0 ] || bash stack/stack.sh stop "${started[@]}" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for s in "${SERVICES[@]}"; do owned_pid "$s" >/dev/null || started+=("$s"); done
[ ${#started[@]} -eq 0 ] || bash stack/stack.sh start "${started[@]}"

# Build only when the sources changed since the last build.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  log "building the dashboard (next build, about a minute)"
  npx next build
fi

mkdir -p "$DATA_DIR/collector" "$DATA_DIR/simulator"
HUBWATCH_HUB_TOKEN=$(cat "$ETC_DIR/jupyterhub_api_token")
export HUBWATCH_HUB_TOKEN

node --import tsx collector/cli.ts --hub-log "$LOG_DIR/hub.log" --hub-url http://127.0.0.1:8000 \
  --hub-name "$HUB_NAME" --checkpoint "$DATA_DIR/collector/checkpoint.json" \
  >>"$LOG_DIR/collector.log" 2>&1 &
children+=($!)
log "collector running (log: $LOG_DIR/collector.log)"

node --import tsx simulator/cli.ts --hub-url http://127.0.0.1:8000 --ledger "$DATA_DIR/simulator/ledger.jsonl" \
  >>"$LOG_DIR/simulator.log" 2>&1 &
children+=($!)
log "classroom simulator running (log: $LOG_DIR/simulator.log)"

GRAPHITE_URL=${GRAPHITE_URL:-http://127.0.0.1:8080} PORT=$PORT HUBWATCH_HOST=127.0.0.1 node --max-old-space-size="${HUBWATCH_HEAP_MB:-256}" --import tsx server.ts &
children+=($!)
log "dashboard: http://127.0.0.1:$PORT  (Ctrl-C stops the demo)"
wait "${children[@]}"
