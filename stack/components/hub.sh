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

# JupyterHub SIGTERMs, then SIGKILLs, whatever pid its proxy pid file names, to clean up a proxy
# left over by a previous hub. After a crash that pid may belong to an unrelated process by now:
# keep the file only if it still names a configurable-http-proxy.
hub_drop_stale_proxy_pid() {
  local file pid
  file="$(hub_state_dir)/proxy.pid"
  [ -f "$file" ] || return 0
  read -r pid <"$file" || pid=""
  if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q configurable-http-proxy; then
    return 0
  fi
  rm -f "$file"
}

run() {
  cd "$(hub_state_dir)" || return 1
  hub_drop_stale_proxy_pid
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
