#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, starts the real services the tests
# need, runs every test (types, lint, unit, API, pipeline, browser), and stops what it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
export NEXT_TELEMETRY_DISABLED=1

SERVICES=(carbon graphite-web statsd graphite-web-chaos hub)
# Every project runs on the default JupyterHub (or JH_VERSION); the pipeline project (collector
# counts equal the ledger) runs a second time on the oldest supported one.
source stack/jupyterhub/hub-versions.sh
HUB_VERSION=${JH_VERSION:-$JH_DEFAULT_VERSION}
OLDEST_HUB_VERSION=$JH_DEBIAN_VERSION
unset JH_VERSION

step() { printf '\n=== %s\n' "$*"; }

step "install (apt-get / npm ci / the hub's virtualenv where missing)"
JH_VERSION=$HUB_VERSION bash stack/install.sh --browser --cluster "${SERVICES[@]}"
JH_VERSION=$OLDEST_HUB_VERSION bash stack/install.sh hub

step "type check"
npx tsc --noEmit -p .

step "lint"
npm run --silent lint

step "import rules (docs/architecture.md)"
npx tsx scripts/check-imports.ts

step "unit tests"
bash scripts/unit.sh

# Start only what is not running yet, and stop exactly that afterwards.
started=()
hub_found=""
# The demo hub runs JupyterHub $1: restarted when the running one reports another version.
hub_on() { # version
  local running
  running=$(in_component hub running_version || true)
  if [ -n "$running" ] && { [ "$running" = "$1" ] || [[ "$running" = "$1".* ]]; }; then return 0; fi
  step "demo hub: JupyterHub $1 (was ${running:-not running})"
  bash stack/stack.sh stop hub
  JH_VERSION=$1 bash stack/stack.sh start hub
}
cleanup() {
  # a hub that was running before keeps running, on the version it had
  if [ -n "$hub_found" ]; then hub_on "$hub_found" || true; fi
  if [ ${#started[@]} -gt 0 ]; then
    step "stopping ${started[*]}"
    bash stack/stack.sh stop "${started[@]}" || true
  fi
}
trap cleanup EXIT
for s in "${SERVICES[@]}"; do
  if ! owned_pid "$s" >/dev/null; then started+=("$s"); fi
done
if ! printf '%s\n' "${started[@]}" | grep -qx hub; then
  found=$(in_component hub running_version || true)
  # Debian's 3.0.0 is started as JH_VERSION=3.0
  [[ "$found" = "$OLDEST_HUB_VERSION".* ]] && found=$OLDEST_HUB_VERSION
  hub_found=$found
fi
step "starting services: ${started[*]:-(all already running)}"
[ ${#started[@]} -eq 0 ] || JH_VERSION=$HUB_VERSION bash stack/stack.sh start "${started[@]}"
hub_on "$HUB_VERSION"

step "production build"
npx next build

step "Playwright: API, pipeline and browser tests against the real stack (JupyterHub $HUB_VERSION)"
JH_VERSION=$HUB_VERSION npx playwright test

if [ "$HUB_VERSION" != "$OLDEST_HUB_VERSION" ]; then
  hub_on "$OLDEST_HUB_VERSION"
  step "Playwright: pipeline tests on the oldest supported JupyterHub ($OLDEST_HUB_VERSION)"
  JH_VERSION=$OLDEST_HUB_VERSION npx playwright test --project=pipeline
  hub_on "$HUB_VERSION"
fi

# The same API and pipeline specs against the Graphite cluster (relay, two carbon-caches, a
# graphite-web per node, a federating front) on the same ports: the single node's carbon and
# graphite-webs make way for it, StatsD and the hub stay, and whatever ran before is restored.
# On by default; HUBWATCH_TEST_CLUSTER=0 leaves it out (a quicker local run, about 7 minutes less).
if [ "${HUBWATCH_TEST_CLUSTER:-1}" = 0 ]; then
  log "cluster pass skipped (HUBWATCH_TEST_CLUSTER=0)"
  exit 0
fi
SINGLE=(carbon graphite-web graphite-web-chaos)
CLUSTER_ALL=(relay carbon-a carbon-b graphite-web-a graphite-web-b graphite-front graphite-web-b-chaos graphite-front-chaos)
was_running=()
restore_single() {
  bash stack/stack.sh stop "${CLUSTER_ALL[@]}" || true
  [ ${#was_running[@]} -eq 0 ] || bash stack/stack.sh start "${was_running[@]}"
}
for s in "${SINGLE[@]}"; do if owned_pid "$s" >/dev/null; then was_running+=("$s"); fi; done
trap 'restore_single; cleanup' EXIT
cluster_started=$SECONDS
step "Playwright on the Graphite cluster: API and pipeline tests (HUBWATCH_STACK=cluster)"
bash stack/stack.sh stop "${SINGLE[@]}"
bash stack/stack.sh start --cluster
bash stack/stack.sh start graphite-web-b-chaos graphite-front-chaos
cluster_rc=0
JH_VERSION=$HUB_VERSION HUBWATCH_STACK=cluster npx playwright test --project=api --project=pipeline || cluster_rc=$?
# The banner itself, in a browser, on the cluster only.
JH_VERSION=$HUB_VERSION HUBWATCH_STACK=cluster npx playwright test --project=browser e2e/browser-partial.spec.ts || cluster_rc=$?
step "restoring the single node"
restore_single
trap cleanup EXIT
log "cluster pass: $((SECONDS - cluster_started)) s"
exit "$cluster_rc"
