#!/usr/bin/env bash
# Makes the real capture of the crash cases on one JupyterHub version
# (collector/fixtures/jupyterhub-<version>/crashes-*): a hub of its own (own data dir, ports
# 18000/18081/18001, so the shared demo hub is never touched), the classroom simulator's --crashes
# scenario against it (which stops and starts that hub itself), the hub's whole log and the ledger.
#   bash scripts/capture-crashes.sh VERSION [OUT_DIR]      (VERSION as JH_VERSION: 6.1.1, 3.0, ...)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=${1:?usage: capture-crashes.sh VERSION [OUT_DIR]}
repo=$(pwd)
out=${2:-$repo/collector/fixtures/jupyterhub-$version}
export JH_VERSION=$version JH_PORT=${CAPTURE_PORT:-18000} JH_HUB_PORT=${CAPTURE_HUB_PORT:-18081}
export JH_PROXY_API_PORT=${CAPTURE_PROXY_API_PORT:-18001}
export HUBWATCH_DATA_DIR=${CAPTURE_DATA_DIR:-/tmp/hubwatch-capture-$version}

# A fresh hub: empty database, the log starts at its first line (an installed virtualenv is kept).
mkdir -p "$HUBWATCH_DATA_DIR"
find "$HUBWATCH_DATA_DIR" -mindepth 1 -maxdepth 1 ! -name hub-versions -exec rm -rf {} +
mkdir -p "$out"
rm -f "$out"/crashes-*
bash stack/stack.sh start hub
stop_hub() { bash stack/stack.sh stop hub >/dev/null 2>&1 || true; }
trap stop_hub EXIT

ledger="$out/crashes-ledger.jsonl"
npx tsx simulator/cli.ts --crashes --hub-url "http://127.0.0.1:$JH_PORT" --ledger "$ledger" | tee "$HUBWATCH_DATA_DIR/simulator.out"

stop_hub
trap - EXIT
cp "$HUBWATCH_DATA_DIR/logs/hub.log" "$out/crashes-hub.log"
{
  echo "# JupyterHub $version: capture of simulator --crashes"
  echo
  echo "Made by \`bash scripts/capture-crashes.sh $version\` on $(date -u +%Y-%m-%d) (hub on :$JH_PORT, data dir of its own)."
  echo "\`crashes-hub.log\` is the hub's whole log over all of its starts (the scenario stops and starts it);"
  echo "\`crashes-ledger.jsonl\` is what the simulator did and what the hub answered."
  echo
  echo '```'
  sed -n '/expected counts/,$p' "$HUBWATCH_DATA_DIR/simulator.out"
  echo '```'
} >"$out/crashes-CAPTURE.md"
echo "capture written to $out"
