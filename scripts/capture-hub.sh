#!/usr/bin/env bash
# Makes the real capture of one JupyterHub version (collector/fixtures/jupyterhub-<version>/once-*):
# a hub of its own (own data dir, ports 18000/18081/18001, so the shared demo hub is never touched),
# the classroom simulator's --once scenario against it, /hub/metrics and the REST answers the
# collector reads (before, during and after the run), the hub's whole log (start to SIGTERM), and
# the run's ledger, which says what really happened.
#   bash scripts/capture-hub.sh VERSION [OUT_DIR]      (VERSION as JH_VERSION: 6.1.1, 5.5.4, 4.1.6, 3.0)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=${1:?usage: capture-hub.sh VERSION [OUT_DIR]}
repo=$(pwd)
out=${2:-$repo/collector/fixtures/jupyterhub-$version}
export JH_VERSION=$version JH_PORT=${CAPTURE_PORT:-18000} JH_HUB_PORT=${CAPTURE_HUB_PORT:-18081}
export JH_PROXY_API_PORT=${CAPTURE_PROXY_API_PORT:-18001}
export HUBWATCH_DATA_DIR=${CAPTURE_DATA_DIR:-/tmp/hubwatch-capture-$version}
hub="http://127.0.0.1:$JH_PORT"

# A fresh hub: empty database, the log starts at its first line (an installed virtualenv is kept).
mkdir -p "$HUBWATCH_DATA_DIR"
find "$HUBWATCH_DATA_DIR" -mindepth 1 -maxdepth 1 ! -name hub-versions -exec rm -rf {} +
mkdir -p "$out"
rm -f "$out"/once-*
bash stack/stack.sh start hub
stop_hub() { bash stack/stack.sh stop hub >/dev/null 2>&1 || true; }
trap stop_hub EXIT
token=$(cat "$HUBWATCH_DATA_DIR/etc/jupyterhub_api_token")

# What the collector asks (collector/users-api.ts, prom/metrics-source.ts), with its token.
get() { # path accept file
  curl -sf -m 10 -H "Authorization: token $token" -H "Accept: $2" "$hub/hub/$1" -o "$3"
}
snapshot() { # name
  get metrics 'text/plain' "$out/once-metrics-$1.txt"
  get 'api/users?state=ready&offset=0&limit=200' 'application/jupyterhub-pagination+json' "$out/once-api-users-ready-$1.json"
}
get api/ 'application/json' "$out/once-api-root.json"
get 'api/users?limit=1' 'application/jupyterhub-pagination+json' "$out/once-api-users-page.json"
snapshot 01-startup

ledger="$out/once-ledger.jsonl"
npx tsx simulator/cli.ts --once --hub-url "$hub" --ledger "$ledger" | tee "$HUBWATCH_DATA_DIR/simulator.out" &
sim=$!
# mid-run snapshots while servers run: every 12 s until the simulator is done
n=2
while kill -0 "$sim" 2>/dev/null; do
  sleep 12
  kill -0 "$sim" 2>/dev/null || break
  snapshot "$(printf '%02d' "$n")-during"
  n=$((n + 1))
done
wait "$sim"
snapshot "$(printf '%02d' "$n")-final"

stop_hub
trap - EXIT
cp "$HUBWATCH_DATA_DIR/logs/hub.log" "$out/once-hub.log"
{
  echo "# JupyterHub $version: capture of simulator --once"
  echo
  echo "Made by \`bash scripts/capture-hub.sh $version\` on $(date -u +%Y-%m-%d) (hub on :$JH_PORT, data dir of its own)."
  echo "\`once-api-root.json\` says the version; \`once-hub.log\` is the hub's whole log,"
  echo "start to SIGTERM; \`once-ledger.jsonl\` is what the simulator did and what the hub answered;"
  echo "\`once-metrics-*.txt\` / \`once-api-users-ready-*.json\` are /hub/metrics and /hub/api/users?state=ready"
  echo "as the collector reads them (its token), at start-up, every 12 s during the run, and at the end."
  echo
  echo '```'
  sed -n '/expected counts/,$p' "$HUBWATCH_DATA_DIR/simulator.out"
  echo '```'
} >"$out/once-CAPTURE.md"
echo "capture written to $out"
