#!/usr/bin/env bash
# Installs what hubwatch needs and is missing: Debian packages with apt-get, npm packages with
# npm ci, and what a component installs itself (the hub: JH_VERSION's virtualenv and proxy).
# Idempotent: a second run installs nothing and takes about a second.
#   bash stack/install.sh [--browser] [--cluster] [component...]   (default components: carbon graphite-web statsd)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

browser=0
components=()
for a in "$@"; do
  case $a in
    --browser) browser=1 ;;
    --cluster) components+=(relay carbon-a carbon-b graphite-web-a graphite-web-b graphite-front) ;;
    *) components+=("$a") ;;
  esac
done
[ ${#components[@]} -gt 0 ] || components=(carbon graphite-web statsd)

# npm ci builds better-sqlite3 from source when its prebuilt download is unreachable (node-gyp: python3, make, g++).
wanted=(curl python3 make g++)
for c in "${components[@]}"; do
  mapfile -t pkgs < <(in_component "$c" print_packages)
  wanted+=("${pkgs[@]}")
done
[ "$browser" = 1 ] && wanted+=(chromium fonts-liberation)

missing=()
for p in "${wanted[@]}"; do
  [ -n "$p" ] || continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing Debian packages: ${missing[*]} (a few minutes on a fresh machine)"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi

# npm ci when node_modules does not match package-lock.json (hash recorded after a good install).
lock_hash=$(sha256sum "$REPO_DIR/package-lock.json" | cut -d' ' -f1)
stamp="$REPO_DIR/node_modules/.hubwatch-lock-hash"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  log "installing npm packages (npm ci)"
  (cd "$REPO_DIR" && npm ci --no-audit --no-fund)
  echo "$lock_hash" >"$stamp"
fi

# What apt and the repo's npm ci cannot install: a component's own install_more (the hub's
# JupyterHub from PyPI into a virtualenv under the data dir). After apt: it may need python3-venv.
for c in "${components[@]}"; do in_component "$c" call_if_defined install_more; done
