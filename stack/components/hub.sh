# shellcheck shell=bash
# Component "hub": the demo JupyterHub (Debian jupyterhub 3.0) on 127.0.0.1:8000 (hub API 8081,
# proxy API 8001). Sourced by stack/stack.sh, which provides DATA_DIR ETC_DIR RUN_DIR LOG_DIR REPO_DIR,
# runs run() detached (log -> $LOG_DIR/hub.log, which the collector tails) and stops it by process group.
# Settings: JH_* environment variables, see docs/hub-and-simulator.md.

PACKAGES=(jupyterhub python3-statsd)

hub_state_dir() { printf '%s/jupyterhub' "$DATA_DIR"; }
hub_homes_dir() { printf '%s/hub-homes' "$DATA_DIR"; }

# Writes a random hex token once; an existing token is kept so clients keep working across restarts.
hub_write_token() {
  local path=$1
  if [ ! -s "$path" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$path")
  fi
  chmod 600 "$path"
}

prepare() {
  mkdir -p "$ETC_DIR" "$(hub_state_dir)" "$(hub_homes_dir)"
  hub_write_token "$ETC_DIR/jupyterhub_api_token"        # collector: read-only scopes + read:metrics
  hub_write_token "$ETC_DIR/jupyterhub_simulator_token"  # classroom simulator: admin users/servers
}

# JupyterHub starts configurable-http-proxy in a session of its own, so a hub that had to be
# SIGKILLed leaves its proxy behind, holding 8000/8001 with an auth token the next hub does not
# know: that hub then dies on "403 GET /api/routes". The proxy pid file in our state dir names it;
# stop it before starting. A pid file whose pid now belongs to something else is only removed
# (JupyterHub itself would SIGTERM and then SIGKILL whatever pid the file names).
hub_clear_leftover_proxy() {
  local file pid i
  file="$(hub_state_dir)/proxy.pid"
  [ -f "$file" ] || return 0
  pid=$(tr -dc '0-9' <"$file") # JupyterHub writes the pid without a trailing newline
  if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q configurable-http-proxy; then
    echo "hub: stopping the proxy a previous hub left behind (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

run() {
  cd "$(hub_state_dir)" || return 1
  hub_clear_leftover_proxy
  # env -i: the image's pyenv python and its variables must not reach the hub or the notebooks;
  # NODE_PATH lets NodeSource's node find Debian's configurable-http-proxy modules.
  exec env -i HOME="${HOME:-/root}" LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs \
    JH_STATE_DIR="$(hub_state_dir)" JH_HOMES_DIR="$(hub_homes_dir)" JH_ETC_DIR="$ETC_DIR" \
    JH_PASSWORD="${JH_PASSWORD:-hubwatch-demo}" JH_FAULTS="${JH_FAULTS:-1}" \
    JH_START_TIMEOUT="${JH_START_TIMEOUT:-10}" JH_HTTP_TIMEOUT="${JH_HTTP_TIMEOUT:-15}" \
    JH_SLOW_SPAWN_TIMEOUT="${JH_SLOW_SPAWN_TIMEOUT:-5}" JH_POLL_INTERVAL="${JH_POLL_INTERVAL:-5}" \
    JH_SPAWN_LIMIT="${JH_SPAWN_LIMIT:-3}" JH_ACTIVE_LIMIT="${JH_ACTIVE_LIMIT:-6}" \
    JH_LOG_LEVEL="${JH_LOG_LEVEL:-INFO}" JH_STATSD_PREFIX="${JH_STATSD_PREFIX:-}" \
    JH_SPAWN_DELAY_S="${JH_SPAWN_DELAY_S:-0}" JH_SPAWNER_VERSION="${JH_SPAWNER_VERSION:-1.0}" \
    /usr/bin/python3 /usr/bin/jupyterhub -f "$REPO_DIR/stack/jupyterhub/jupyterhub_config.py"
}

# Asks 8081 first and the proxy only once the hub answers: polling 8000 before the hub has
# registered its route makes CHP log a 404 plus an ECONNREFUSED stack per poll, which would
# pollute the log the collector reads. Both must answer before clients are let loose on 8000.
healthy() {
  curl -sf -m 2 -o /dev/null http://127.0.0.1:8081/hub/health &&
    curl -sf -m 2 -o /dev/null http://127.0.0.1:8000/hub/health
}

describe() {
  local hub proxy version
  hub=$(curl -s -m 2 -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/hub/health)
  proxy=$(curl -s -m 2 -o /dev/null -w '%{http_code}' http://127.0.0.1:8000/hub/health)
  version=$(curl -s -m 2 http://127.0.0.1:8081/hub/api/ | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p')
  if healthy; then
    echo "hub            up    :8000 proxy=$proxy, hub API :8081 hub=$hub, JupyterHub ${version:-?}"
  else
    echo "hub            DOWN  :8000 proxy=$proxy, hub API :8081 hub=$hub"
  fi
}
