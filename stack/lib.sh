# Shared by stack.sh, install.sh and the component files. Sourced, never run.
REPO_DIR=${REPO_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
DATA_DIR=${HUBWATCH_DATA_DIR:-$REPO_DIR/.data}
ETC_DIR=$DATA_DIR/etc
RUN_DIR=$DATA_DIR/run
LOG_DIR=$DATA_DIR/logs
export REPO_DIR DATA_DIR ETC_DIR RUN_DIR LOG_DIR

# PYTHONPATH of a graphite-web: its settings folder, then the module every settings file imports
# (stack/graphite-web/hubwatch_py311_compat.py).
graphite_pythonpath() { printf '%s:%s' "$1" "$REPO_DIR/stack/graphite-web"; }

# Seconds a graphite-web worker may stay busy on one request before gunicorn kills and replaces
# it: one past the dashboard's render timeout (GRAPHITE_TIMEOUT_MS, default 10 s), after which
# nobody waits for the answer. The same for every graphite-web (single node, cluster nodes, fronts).
graphite_worker_timeout() { printf '%s' "${GRAPHITE_WEB_TIMEOUT:-$(( (${GRAPHITE_TIMEOUT_MS:-10000} + 999) / 1000 + 1 ))}"; }

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Copies a template, replacing @NAME@ with the value of the shell variable NAME.
render_template() { # src dst
  local tmp="$2.tmp.$$"
  sed -e "s|@REPO_DIR@|$REPO_DIR|g" -e "s|@DATA_DIR@|$DATA_DIR|g" -e "s|@ETC_DIR@|$ETC_DIR|g" \
      -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@LOG_DIR@|$LOG_DIR|g" -e "s|@SECRET@|${SECRET:-}|g" \
      "$1" >"$tmp" && mv "$tmp" "$2"
}

# Writes a configuration generated from lib/catalog/layout.ts (stack/layout/cli.ts); needs npm ci.
render_layout() { # kind args...
  [ -f "$REPO_DIR/node_modules/tsx/dist/loader.mjs" ] \
    || { echo "$1: node_modules/tsx missing (npm ci did not run?)" >&2; return 1; }
  node --import "file://$REPO_DIR/node_modules/tsx/dist/loader.mjs" "$REPO_DIR/stack/layout/cli.ts" "$@"
}

component_file() { printf '%s/stack/components/%s.sh' "$REPO_DIR" "$1"; }

# Runs FUNCTION of COMPONENT in a subshell, so components' definitions never leak into each other.
in_component() { # component function [args...]
  local c=$1 f=$2; shift 2
  [ -f "$(component_file "$c")" ] || { echo "unknown component: $c" >&2; return 2; }
  (COMPONENT=$c; PACKAGES=(); source "$(component_file "$c")"; "$f" "$@")
}

# A pid file holds "pid starttime": the start time proves the pid was not recycled by
# another process since we started ours, so stop never kills a stranger.
proc_starttime() { [ -r "/proc/$1/stat" ] && sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f20; }

owned_pid() { # component -> prints pid if the process we started is still alive
  local file="$RUN_DIR/$1.pid" pid start
  [ -f "$file" ] || return 1
  read -r pid start <"$file" || return 1
  [ -n "$pid" ] && [ "$(proc_starttime "$pid")" = "$start" ] && printf '%s\n' "$pid"
}

call_if_defined() { if declare -F "$1" >/dev/null; then "$@"; fi; }

print_packages() { [ ${#PACKAGES[@]} -eq 0 ] || printf '%s\n' "${PACKAGES[@]}"; }
