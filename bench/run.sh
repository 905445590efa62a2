#!/usr/bin/env bash
# npm run bench:NAME -> bench/NAME.ts, with the services that benchmark needs started (and
# stopped afterwards if this script started them). Benchmarks print figures; they never fail on them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
export NEXT_TELEMETRY_DISABLED=1
name=${1:?usage: bench/run.sh proxy|collector|page|load|scale|backfill}
shift

case $name in
  collector) services=() ;;
  backfill) services=(carbon graphite-web) ;;
  proxy) services=(carbon graphite-web statsd) ;;
  page) services=(carbon graphite-web statsd) ;;
  load) services=(carbon graphite-web statsd) ;;
  # Its own single node and cluster beside the shared stack (bench/scale.ts starts and removes them).
  scale) services=() ; bash stack/install.sh --cluster ;;
  *) echo "unknown benchmark: $name" >&2; exit 2 ;;
esac

bash stack/install.sh --browser "${services[@]}"
started=()
trap '[ ${#started[@]} -eq 0 ] || bash stack/stack.sh stop "${started[@]}"' EXIT
for s in "${services[@]}"; do owned_pid "$s" >/dev/null || started+=("$s"); done
[ ${#started[@]} -eq 0 ] || bash stack/stack.sh start "${started[@]}"

if [ "$name" != collector ] && [ "$name" != backfill ]; then
  if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
    npx next build
  fi
fi
npx tsx "bench/$name.ts" "$@"
