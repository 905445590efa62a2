# shellcheck shell=bash
# Which JupyterHub the demo hub runs (JH_VERSION) and how it gets installed. Sourced by
# stack/components/hub.sh, which provides REPO_DIR DATA_DIR LOG_DIR and log().
#
#   3.0      Debian's jupyterhub package (apt), with Debian's configurable-http-proxy and notebook 6.4
#   X.Y.Z    from PyPI into a virtualenv $DATA_DIR/hub-versions/jupyterhub-X.Y.Z, every package pinned
#            by stack/jupyterhub/versions/X.Y.Z.txt, made with Debian's /usr/bin/python3 -m venv (never
#            the system site-packages); configurable-http-proxy from npm, pinned by
#            stack/jupyterhub/chp/package-lock.json, in $DATA_DIR/hub-versions/configurable-http-proxy.
# Each install is recorded with the hash of its pin file, so a second run installs nothing.

JH_DEFAULT_VERSION=6.1.1
JH_DEBIAN_VERSION=3.0

hub_version() { printf '%s' "${JH_VERSION:-$JH_DEFAULT_VERSION}"; }
hub_pins() { printf '%s/stack/jupyterhub/versions/%s.txt' "$REPO_DIR" "$1"; }
hub_venv_dir() { printf '%s/hub-versions/jupyterhub-%s' "$DATA_DIR" "$1"; }
hub_chp_dir() { printf '%s/hub-versions/configurable-http-proxy' "$DATA_DIR"; }
hub_chp_bin() { printf '%s/node_modules/.bin/configurable-http-proxy' "$(hub_chp_dir)"; }

hub_supported_versions() {
  local f
  printf '%s' "$JH_DEBIAN_VERSION"
  for f in "$REPO_DIR"/stack/jupyterhub/versions/*.txt; do printf ' %s' "$(basename "$f" .txt)"; done
}

hub_check_version() { # version
  [ "$1" = "$JH_DEBIAN_VERSION" ] || [ -f "$(hub_pins "$1")" ] && return 0
  echo "hub: JH_VERSION=$1 is not a supported JupyterHub version (supported: $(hub_supported_versions))" >&2
  return 2
}

hub_is_debian() { [ "$1" = "$JH_DEBIAN_VERSION" ]; }

# Debian packages the version needs (print_packages reads PACKAGES).
hub_packages() { # version
  if hub_is_debian "$1"; then printf '%s\n' jupyterhub python3-statsd; else printf '%s\n' python3-venv; fi
}

# Prints "collected N of M" while pip works, so a first install (about a minute) is not silent.
hub_pip_progress() { # pid pip_log total version
  local pid=$1 pip_log=$2 total=$3 version=$4 last="" now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(grep -c '^Collecting ' "$pip_log" || true)
    grep -q '^Installing collected packages' "$pip_log" && now="installing"
    if [ "$now" != "$last" ]; then
      if [ "$now" = installing ]; then log "  JupyterHub $version: installing $total packages"
      else log "  JupyterHub $version: $now of $total packages downloaded"; fi
      last=$now
    fi
    sleep 3
  done
}

hub_install_venv() { # version
  local version=$1 venv pins stamp hash pip_log total pid
  venv=$(hub_venv_dir "$version")
  pins=$(hub_pins "$version")
  stamp="$venv/.hubwatch-pins-hash"
  hash=$(sha256sum "$pins" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -x "$venv/bin/jupyterhub" ]; then return 0; fi
  mkdir -p "$LOG_DIR"
  pip_log="$LOG_DIR/pip-jupyterhub-$version.log"
  total=$(grep -c '^[A-Za-z0-9]' "$pins")
  log "installing JupyterHub $version from PyPI into $venv ($total pinned packages; pip log: $pip_log)"
  rm -rf "$venv"
  : >"$pip_log"
  if ! /usr/bin/python3 -m venv "$venv" >>"$pip_log" 2>&1; then
    log "FAILED: JupyterHub $version: /usr/bin/python3 -m venv failed (Debian package python3-venv?); pip log: $pip_log"
    return 1
  fi
  "$venv/bin/pip" install --disable-pip-version-check --no-input --progress-bar off -r "$pins" >>"$pip_log" 2>&1 &
  pid=$!
  hub_pip_progress "$pid" "$pip_log" "$total" "$version"
  if ! wait "$pid"; then
    log "FAILED: JupyterHub $version could not be installed; pip log: $pip_log"
    tail -n 5 "$pip_log" | sed 's/^/    /' >&2
    return 1
  fi
  echo "$hash" >"$stamp"
  log "ok: JupyterHub $version installed"
}

hub_install_chp() {
  local dir src stamp hash npm_log
  dir=$(hub_chp_dir)
  src="$REPO_DIR/stack/jupyterhub/chp"
  stamp="$dir/.hubwatch-lock-hash"
  hash=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -x "$(hub_chp_bin)" ]; then return 0; fi
  mkdir -p "$dir" "$LOG_DIR"
  npm_log="$LOG_DIR/npm-configurable-http-proxy.log"
  log "installing configurable-http-proxy from npm into $dir (npm log: $npm_log)"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  if ! (cd "$dir" && npm ci --no-audit --no-fund --omit=dev) >"$npm_log" 2>&1; then
    log "FAILED: configurable-http-proxy could not be installed; npm log: $npm_log"
    return 1
  fi
  echo "$hash" >"$stamp"
}

# install.sh's hook: what apt cannot install. Debian's 3.0 needs nothing more.
hub_install_version() { # version
  hub_check_version "$1" || return 1
  hub_is_debian "$1" && return 0
  hub_install_venv "$1" && hub_install_chp
}
