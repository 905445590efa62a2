# shellcheck shell=bash
# Component "hub": the demo JupyterHub on 127.0.0.1:8000 (hub API 8081, proxy API 8001; JH_PORT,
# JH_HUB_PORT, JH_PROXY_API_PORT move them, e.g. for a second hub with its own HUBWATCH_DATA_DIR).
# JH_VERSION picks the JupyterHub: 6.1.1 (default) and the other PyPI versions from a virtualenv under
# the data dir, or 3.0 for Debian's package (stack/jupyterhub/hub-versions.sh).
# Sourced by stack/stack.sh, which provides DATA_DIR ETC_DIR RUN_DIR LOG_DIR REPO_DIR,
# runs run() detached (log -> $LOG_DIR/hub.log, which the collector tails) and stops it by process group.
# Settings: JH_* environment variables, see docs/hub-and-simulator.md.

# (also sourced on its own by tests, without stack/lib.sh: find the repo from this file)
source "${REPO_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}/stack/jupyterhub/hub-versions.sh"
# JH_INSTALL_VERSIONS (install.sh only): every version a run will use, installed in one pass
# (npm test uses the default and the oldest); the default is the one JH_VERSION starts.
hub_install_versions() { printf '%s\n' ${JH_INSTALL_VERSIONS:-$(hub_version)}; }
PACKAGES=()
for _v in $(hub_install_versions); do mapfile -t -O "${#PACKAGES[@]}" PACKAGES < <(hub_packages "$_v"); done
unset _v

hub_port() { printf '%s' "${JH_PORT:-8000}"; }
hub_api_port() { printf '%s' "${JH_HUB_PORT:-8081}"; }

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

# install.sh: the virtualenv and proxy of a PyPI version (apt has already installed PACKAGES).
install_more() { local v; for v in $(hub_install_versions); do hub_install_version "$v" || return 1; done; }

prepare() {
  hub_check_version "$(hub_version)" || return 1
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
  local version python jupyterhub singleuser="" proxy="" path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  version=$(hub_version)
  hub_check_version "$version" || return 1
  cd "$(hub_state_dir)" || return 1
  hub_clear_leftover_proxy
  if hub_is_debian "$version"; then
    python=/usr/bin/python3 jupyterhub=/usr/bin/jupyterhub
  else
    local venv
    venv=$(hub_venv_dir "$version")
    python="$venv/bin/python" jupyterhub="$venv/bin/jupyterhub" singleuser="$venv/bin/jupyterhub-singleuser"
    proxy=$(hub_chp_bin)
    path="$venv/bin:$path" # the notebook servers inherit it (Spawner.env_keep)
    [ -x "$jupyterhub" ] && [ -x "$proxy" ] || { echo "hub: JupyterHub $version is not installed (run: JH_VERSION=$version bash stack/install.sh hub)"; return 1; }
  fi
  echo "hub: starting JupyterHub $version ($jupyterhub)"
  # env -i: the image's pyenv python and its variables must not reach the hub or the notebooks;
  # NODE_PATH lets NodeSource's node find Debian's configurable-http-proxy modules (3.0).
  exec env -i HOME="${HOME:-/root}" LANG=C.UTF-8 \
    PATH="$path" \
    NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs \
    JH_PORT="$(hub_port)" JH_HUB_PORT="$(hub_api_port)" JH_PROXY_API_PORT="${JH_PROXY_API_PORT:-8001}" \
    JH_SINGLEUSER_CMD="$singleuser" JH_PROXY_CMD="$proxy" \
    JH_STATE_DIR="$(hub_state_dir)" JH_HOMES_DIR="$(hub_homes_dir)" JH_ETC_DIR="$ETC_DIR" \
    JH_PASSWORD="${JH_PASSWORD:-hubwatch-demo}" JH_FAULTS="${JH_FAULTS:-1}" \
    JH_START_TIMEOUT="${JH_START_TIMEOUT:-10}" JH_HTTP_TIMEOUT="${JH_HTTP_TIMEOUT:-15}" \
    JH_SLOW_SPAWN_TIMEOUT="${JH_SLOW_SPAWN_TIMEOUT:-5}" JH_POLL_INTERVAL="${JH_POLL_INTERVAL:-5}" \
    JH_SPAWN_LIMIT="${JH_SPAWN_LIMIT:-3}" JH_ACTIVE_LIMIT="${JH_ACTIVE_LIMIT:-6}" \
    JH_LOG_LEVEL="${JH_LOG_LEVEL:-INFO}" JH_STATSD_PREFIX="${JH_STATSD_PREFIX:-}" \
    JH_SPAWN_DELAY_S="${JH_SPAWN_DELAY_S:-0}" JH_SPAWNER_VERSION="${JH_SPAWNER_VERSION:-1.0}" \
    JH_LIGHT_SERVERS="${JH_LIGHT_SERVERS:-0}" \
    "$python" "$jupyterhub" -f "$REPO_DIR/stack/jupyterhub/jupyterhub_config.py"
}

# Asks 8081 first and the proxy only once the hub answers: polling 8000 before the hub has
# registered its route makes CHP log a 404 plus an ECONNREFUSED stack per poll, which would
# pollute the log the collector reads. Both must answer before clients are let loose on 8000.
healthy() {
  curl -sf -m 2 -o /dev/null "http://127.0.0.1:$(hub_api_port)/hub/health" &&
    curl -sf -m 2 -o /dev/null "http://127.0.0.1:$(hub_port)/hub/health"
}

# The version the hub on our port reports (`3.0.0` for Debian's 3.0), empty when none answers.
running_version() {
  curl -s -m 2 "http://127.0.0.1:$(hub_api_port)/hub/api/" | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p'
}

describe() {
  local hub proxy version
  local port api
  port=$(hub_port) api=$(hub_api_port)
  hub=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api/hub/health")
  proxy=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/hub/health")
  version=$(running_version)
  if healthy; then
    echo "hub            up    :$port proxy=$proxy, hub API :$api hub=$hub, JupyterHub ${version:-?}"
  else
    echo "hub            DOWN  :$port proxy=$proxy, hub API :$api hub=$hub"
  fi
}
