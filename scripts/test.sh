#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, starts the real services the tests
# need, runs every test (types, lint, unit, API, pipeline, browser), and stops what it started.
# It ends with a table of its phases and their durations, and each runner's summary line.
#
# Order, and what runs beside what (2 cores: the static checks and unit tests are CPU work that
# runs while the services start and Next builds, which mostly wait):
#   install -> [static checks, unit tests] beside [services, next build] -> Playwright:
#   pass 1  every spec on the default JupyterHub and the single Graphite node; the specs that do
#           not disturb each other side by side (HUBWATCH_E2E_WORKERS, default 2), then the
#           exclusive ones alone (e2e/support/spec-groups.ts);
#   pass 2  on the oldest supported JupyterHub and the Graphite cluster together: only the specs
#           whose outcome depends on the hub's version or on the storage (HUBWATCH_TEST_CLUSTER=0
#           runs them on the single node instead).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
export NEXT_TELEMETRY_DISABLED=1

SERVICES=(carbon graphite-web statsd graphite-web-chaos hub)
source stack/jupyterhub/hub-versions.sh
HUB_VERSION=${JH_VERSION:-$JH_DEFAULT_VERSION}
OLDEST_HUB_VERSION=$JH_DEBIAN_VERSION
unset JH_VERSION
WORKERS=${HUBWATCH_E2E_WORKERS:-2}

TEST_LOGS=$DATA_DIR/test-logs
mkdir -p "$TEST_LOGS"
PHASES_FILE=$TEST_LOGS/phases.tsv
SUMMARY_FILE=$TEST_LOGS/summaries.txt
: >"$PHASES_FILE"
: >"$SUMMARY_FILE"
T0=$SECONDS

step() { printf '\n=== %s\n' "$*"; }

# Runs a phase, records "name, start offset, seconds, result" whatever happens.
phase() { # name command...
  local name=$1 start=$SECONDS rc=0
  shift
  "$@" || rc=$?
  printf '%s\t%s\t%s\t%s\n' "$name" "$((start - T0))" "$((SECONDS - start))" "$([ $rc = 0 ] && echo ok || echo "FAILED ($rc)")" >>"$PHASES_FILE"
  return $rc
}

# A runner's output to the terminal and a log; its last summary lines kept for the table.
summarised() { # label pattern command...
  local label=$1 pattern=$2 log rc=0
  shift 2
  log="$TEST_LOGS/$(printf '%s' "$label" | tr -c 'A-Za-z0-9' '-').log"
  "$@" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
  { printf '%s: ' "$label"; grep -E "$pattern" "$log" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^ *//' | tr '\n' ' '; echo; } >>"$SUMMARY_FILE"
  return $rc
}
PW_SUMMARY='^ +[0-9]+ (passed|failed|flaky|skipped|did not run)|^ +[0-9]+ (interrupted)'

print_table() {
  [ -s "$PHASES_FILE" ] || return 0
  printf '\n=== npm test: phases (start offset and duration in seconds; %d s in all)\n' "$((SECONDS - T0))"
  awk -F'\t' '{ printf "  %-62s +%5d  %5d s  %s\n", $1, $2, $3, $4 }' "$PHASES_FILE"
  if [ -s "$SUMMARY_FILE" ]; then
    printf '\n=== runners\n'
    sed 's/^/  /' "$SUMMARY_FILE"
  fi
}

static_pid=""
unit_pid=""
trap print_table EXIT

step "install (apt-get / npm ci / the hubs' virtualenvs where missing)"
phase "install" env JH_INSTALL_VERSIONS="$HUB_VERSION $OLDEST_HUB_VERSION" JH_VERSION="$HUB_VERSION" \
  bash stack/install.sh --browser --cluster "${SERVICES[@]}"

# The static checks and the unit tests, in the background while the services start and Next
# builds; their output goes to logs and is shown if they fail.
static_checks() {
  npx tsc --noEmit -p . && npm run --silent lint && npx tsx scripts/check-imports.ts
}
( phase "type check, lint, import rules (beside the start)" static_checks >"$TEST_LOGS/static.log" 2>&1 ) &
static_pid=$!
( phase "unit tests (beside the start)" summarised "unit tests" '^(ℹ|#) (tests|pass|fail|skipped) ' bash scripts/unit.sh \
  >"$TEST_LOGS/unit-run.log" 2>&1 ) &
unit_pid=$!

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
  local rc=$?
  [ -z "$static_pid$unit_pid" ] || kill $static_pid $unit_pid 2>/dev/null || true
  # a hub that was running before keeps running, on the version it had
  if [ -n "$hub_found" ]; then hub_on "$hub_found" || true; fi
  if [ ${#started[@]} -gt 0 ]; then
    step "stopping ${started[*]}"
    bash stack/stack.sh stop "${started[@]}" || true
  fi
  print_table
  exit $rc
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
start_services() {
  [ ${#started[@]} -eq 0 ] || JH_VERSION=$HUB_VERSION bash stack/stack.sh start "${started[@]}"
  hub_on "$HUB_VERSION"
}
step "starting services: ${started[*]:-(all already running)}; static checks and unit tests beside it"
phase "services (${started[*]:-all running})" start_services

step "production build"
phase "next build" npx next build

wait_for() { # pid label log
  if ! wait "$1"; then
    step "$2 FAILED; its output:"
    cat "$3"
    return 1
  fi
}
step "static checks and unit tests"
wait_for "$static_pid" "type check, lint, import rules" "$TEST_LOGS/static.log"
wait_for "$unit_pid" "unit tests" "$TEST_LOGS/unit-run.log"
tail -n 8 "$TEST_LOGS/unit-run.log"

pw_failed=0
# One Playwright pass: the specs of GROUP (all when empty) that do not disturb each other side by
# side, then the exclusive ones alone. A failed run does not stop the later ones (each pass tests
# something the others do not); npm test fails at the end.
playwright_pass() { # label group env...
  local label=$1 group=$2
  shift 2
  step "Playwright $label: side by side ($WORKERS workers)"
  phase "Playwright $label: side by side, $WORKERS workers" summarised "$label, side by side" "$PW_SUMMARY" \
    env "$@" HUBWATCH_E2E_GROUP="$group" HUBWATCH_E2E_MODE=parallel HUBWATCH_E2E_WORKERS="$WORKERS" npx playwright test ||
    pw_failed=1
  step "Playwright $label: the exclusive specs, one at a time"
  phase "Playwright $label: exclusive specs" summarised "$label, exclusive" "$PW_SUMMARY" \
    env "$@" HUBWATCH_E2E_GROUP="$group" HUBWATCH_E2E_MODE=exclusive HUBWATCH_E2E_WORKERS=1 npx playwright test ||
    pw_failed=1
}

playwright_pass "pass 1 (JupyterHub $HUB_VERSION, single node)" "" JH_VERSION="$HUB_VERSION"

# Pass 2: the oldest supported JupyterHub on the Graphite cluster (relay, two carbon-caches, a
# graphite-web per node, a federating front) on the same ports: the single node's carbon and
# graphite-webs make way, StatsD and the hub stay, and whatever ran before is restored.
SINGLE=(carbon graphite-web graphite-web-chaos)
CLUSTER_ALL=(relay carbon-a carbon-b graphite-web-a graphite-web-b graphite-front graphite-web-b-chaos graphite-front-chaos)
was_running=()
restore_single() {
  bash stack/stack.sh stop "${CLUSTER_ALL[@]}" || true
  [ ${#was_running[@]} -eq 0 ] || bash stack/stack.sh start "${was_running[@]}"
}
to_cluster() {
  bash stack/stack.sh stop "${SINGLE[@]}" && bash stack/stack.sh start --cluster &&
    bash stack/stack.sh start graphite-web-b-chaos graphite-front-chaos
}
if [ "${HUBWATCH_TEST_CLUSTER:-1}" = 0 ]; then
  log "cluster left out (HUBWATCH_TEST_CLUSTER=0): pass 2 on the single node"
  phase "demo hub on JupyterHub $OLDEST_HUB_VERSION" hub_on "$OLDEST_HUB_VERSION"
  playwright_pass "pass 2 (JupyterHub $OLDEST_HUB_VERSION)" hub JH_VERSION="$OLDEST_HUB_VERSION"
else
  for s in "${SINGLE[@]}"; do if owned_pid "$s" >/dev/null; then was_running+=("$s"); fi; done
  trap 'restore_single; cleanup' EXIT
  step "pass 2: the Graphite cluster and JupyterHub $OLDEST_HUB_VERSION"
  phase "the cluster instead of the single node" to_cluster
  phase "demo hub on JupyterHub $OLDEST_HUB_VERSION" hub_on "$OLDEST_HUB_VERSION"
  playwright_pass "pass 2 (JupyterHub $OLDEST_HUB_VERSION, cluster)" hub+storage \
    JH_VERSION="$OLDEST_HUB_VERSION" HUBWATCH_STACK=cluster
  step "restoring the single node"
  phase "single node restored" restore_single
  trap cleanup EXIT
fi
phase "demo hub back on JupyterHub $HUB_VERSION" hub_on "$HUB_VERSION"
if [ "$pw_failed" != 0 ]; then
  step "a Playwright phase FAILED (see above and the table)"
  exit 1
fi
