#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, starts the real services the tests
# need, runs every test (types, lint, unit, API, pipeline, browser), and stops what it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
export NEXT_TELEMETRY_DISABLED=1

SERVICES=(carbon graphite-web statsd graphite-web-chaos hub)

step() { printf '\n=== %s\n' "$*"; }

step "install (apt-get / npm ci where missing)"
bash stack/install.sh --browser "${SERVICES[@]}"

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
cleanup() {
  if [ ${#started[@]} -gt 0 ]; then
    step "stopping ${started[*]}"
    bash stack/stack.sh stop "${started[@]}" || true
  fi
}
trap cleanup EXIT
for s in "${SERVICES[@]}"; do
  if ! owned_pid "$s" >/dev/null; then started+=("$s"); fi
done
step "starting services: ${started[*]:-(all already running)}"
[ ${#started[@]} -eq 0 ] || bash stack/stack.sh start "${started[@]}"

step "production build"
npx next build

step "Playwright: API, pipeline and browser tests against the real stack"
npx playwright test
