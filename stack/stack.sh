#!/usr/bin/env bash
# Starts, stops and checks hubwatch's real back-end components as background processes on
# 127.0.0.1 (no systemd, no docker). Everything lives under $HUBWATCH_DATA_DIR (default .data/).
#
#   bash stack/stack.sh start  [component...]   install what is missing, start, wait for health
#   bash stack/stack.sh stop   [component...]   stop what start started (by pid), reverse order
#   bash stack/stack.sh status                  one line per component; exit 1 if one we started is down
#   bash stack/stack.sh signal COMPONENT SIG    e.g. freeze graphite-web-chaos with STOP, thaw with CONT
#
#   bash stack/stack.sh start --cluster         the Graphite cluster instead of the single node
#   bash stack/stack.sh status|stop --cluster   the same, for the cluster's components
#
# Components (files in stack/components/): carbon, graphite-web, statsd (the default set),
# graphite-web-chaos (tests), hub (the demo JupyterHub), postgres (the records store's PostgreSQL,
# for the tests that need it). The cluster (--cluster): relay, carbon-a,
# carbon-b, graphite-web-a, graphite-web-b, graphite-front and statsd; graphite-web-b-chaos and
# graphite-front-chaos for tests. HUBWATCH_PORT_OFFSET moves every port of the cluster and StatsD.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEFAULT=(carbon graphite-web statsd)
# Start order: caches before the relay that connects to them, nodes before the front.
CLUSTER=(carbon-a carbon-b relay graphite-web-a graphite-web-b graphite-front statsd)
cluster=0

# The set `status` checks: the cluster's when it was started (its relay has a pid file).
default_set() {
  if [ "$cluster" = 1 ] || [ -f "$RUN_DIR/relay.pid" ]; then printf '%s\n' "${CLUSTER[@]}"
  else printf '%s\n' "${DEFAULT[@]}"; fi
}
START_TIMEOUT=${HUBWATCH_START_TIMEOUT:-90}

known_components() { local f; for f in "$REPO_DIR"/stack/components/*.sh; do basename "$f" .sh; done; }

start_one() {
  local c=$1 pid start
  if pid=$(owned_pid "$c"); then
    if in_component "$c" healthy; then log "$c already running (pid $pid)"; return 0; fi
  else
    # A healthy answer from a process we did not start would make the wait below pass for
    # the wrong reason: say who is in the way instead.
    if in_component "$c" healthy 2>/dev/null; then
      log "FAILED: $c was not started by this stack (data dir $DATA_DIR) but something already answers on its port; stop it or use another HUBWATCH_DATA_DIR"
      return 1
    fi
    in_component "$c" prepare
    # setsid: each component gets its own process group, so stop and signal reach its children.
    # The daemon must not inherit descriptors beyond stdio: a lock held by whoever ran `stack.sh
    # start` (flock) would otherwise stay held for as long as the daemon runs.
    # (No redirection around the loop: bash would keep stderr's saved copy above 2, and close it.)
    setsid bash -c 'for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 2 ] && [ -e "/proc/$$/fd/$fd" ]; then eval "exec $fd>&-"; fi; done
      source "$REPO_DIR/stack/lib.sh"; COMPONENT=$1; source "$(component_file "$1")"; run' \
      _ "$c" >>"$LOG_DIR/$c.log" 2>&1 </dev/null &
    pid=$!
    start=""
    for _ in 1 2 3 4 5 6 7 8 9 10; do start=$(proc_starttime "$pid") && [ -n "$start" ] && break; sleep 0.05; done
    echo "$pid $start" >"$RUN_DIR/$c.pid"
    log "started $c (pid $pid), waiting for its health check"
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  until in_component "$c" healthy 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "FAILED: $c exited during start-up; its log: $LOG_DIR/$c.log"
      tail -n 15 "$LOG_DIR/$c.log" | sed 's/^/    /' >&2
      rm -f "$RUN_DIR/$c.pid"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "FAILED: $c not healthy after ${START_TIMEOUT}s; its log: $LOG_DIR/$c.log"
      return 1
    fi
    sleep 0.25
  done
  log "ok: $c"
}

stop_one() {
  local c=$1 pid
  if ! pid=$(owned_pid "$c"); then
    [ -f "$RUN_DIR/$c.pid" ] && { log "$c was not running (stale pid file removed)"; rm -f "$RUN_DIR/$c.pid"; }
    return 0
  fi
  # The main process first, so it can stop its children in order (JupyterHub stops its
  # servers and proxy); then whatever is left of its process group.
  kill -TERM "$pid" 2>/dev/null || true
  kill -CONT -- "-$pid" 2>/dev/null || true # a frozen (SIGSTOPped) process cannot act on TERM
  local i
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -TERM -- "-$pid" 2>/dev/null || true
  sleep 0.2
  if kill -0 -- "-$pid" 2>/dev/null; then
    log "$c ignored TERM, sending KILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$c.pid"
  log "stopped $c (pid $pid)"
}

cmd_start() {
  local comps=("$@")
  [ ${#comps[@]} -gt 0 ] || mapfile -t comps < <(default_set)
  bash "$REPO_DIR/stack/install.sh" "${comps[@]}"
  mkdir -p "$ETC_DIR" "$RUN_DIR" "$LOG_DIR"
  local c
  for c in "${comps[@]}"; do start_one "$c"; done
}

cmd_stop() {
  local comps=("$@") i
  if [ ${#comps[@]} -eq 0 ] && [ "$cluster" = 1 ]; then comps=("${CLUSTER[@]}" graphite-front-chaos graphite-web-b-chaos); fi
  if [ ${#comps[@]} -eq 0 ]; then mapfile -t comps < <(known_components); fi
  # Reverse order: producers (hub, statsd) before the store they write to; the relay before the
  # caches, so the points it still queues are delivered while they are up.
  local order=(hub statsd graphite-front-chaos graphite-web-b-chaos graphite-front graphite-web-a graphite-web-b
    graphite-web-chaos graphite-web relay carbon carbon-a carbon-b)
  for i in "${order[@]}"; do
    printf '%s\n' "${comps[@]}" | grep -qx "$i" && stop_one "$i"
  done
  for i in "${comps[@]}"; do printf '%s\n' "${order[@]}" | grep -qx "$i" || stop_one "$i"; done
}

cmd_status() {
  local rc=0 c
  for c in $(known_components); do
    if default_set | grep -qx "$c" || [ -f "$RUN_DIR/$c.pid" ]; then
      in_component "$c" describe || true
      in_component "$c" healthy 2>/dev/null || rc=1
    fi
  done
  return $rc
}

cmd_signal() {
  local c=${1:?component} sig=${2:?signal} pid
  pid=$(owned_pid "$c") || { echo "$c is not running" >&2; return 1; }
  kill -"$sig" -- "-$pid"
  log "sent SIG$sig to $c (process group $pid)"
}

# --cluster may stand anywhere after the command.
args=()
for a in "${@:2}"; do if [ "$a" = --cluster ]; then cluster=1; else args+=("$a"); fi; done
set -- "${1:-}" "${args[@]}"

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) cmd_status ;;
  signal) shift; cmd_signal "$@" ;;
  *) sed -n '2,19p' "$0" >&2; exit 2 ;;
esac
