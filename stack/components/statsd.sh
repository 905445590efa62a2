# StatsD from the npm package `statsd` (a dev dependency: npm ci installs it, `npm ci --omit=dev` for a production dashboard does not): 8125/udp in, flushes to carbon
# every 10 s; management interface on 8126/tcp.
PACKAGES=()
# HUBWATCH_PORT_OFFSET (stack/cluster/cluster.sh) moves StatsD and the carbon port it flushes to,
# so a second stack can run beside the shared one.
STATSD_OFFSET=${HUBWATCH_PORT_OFFSET:-0}

prepare() {
  [ -f "$REPO_DIR/node_modules/statsd/stats.js" ] \
    || { echo "statsd: node_modules/statsd missing (run npm ci; it is a dev dependency, left out by --omit=dev)" >&2; return 1; }
  render_template "$REPO_DIR/stack/statsd/config.js.tmpl" "$ETC_DIR/statsd.js"
  # Flush interval and histogram bins come from the catalog's layout.
  render_layout statsd "$ETC_DIR/statsd.js" "$ETC_DIR/statsd.js"
  [ "$STATSD_OFFSET" = 0 ] || perl -pi -e 's/\b(port|mgmt_port|graphitePort): (\d+)/"$1: " . ($2 + '"$STATSD_OFFSET"')/e' "$ETC_DIR/statsd.js"
}

run() {
  # statsd resolves its backends relative to its own folder.
  cd "$REPO_DIR/node_modules/statsd" && exec node stats.js "$ETC_DIR/statsd.js"
}

statsd_mgmt() { # command -> first line of the answer
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$((8126 + STATSD_OFFSET))" || return 1
  printf '%s\n' "$1" >&3
  IFS= read -r -t 2 line <&3 || { exec 3>&-; return 1; }
  exec 3>&-
  printf '%s\n' "$line"
}

healthy() { [ "$(statsd_mgmt health 2>/dev/null)" = "health: up" ]; }

describe() {
  if healthy; then echo "statsd         up    :$((8125 + STATSD_OFFSET))/udp, management :$((8126 + STATSD_OFFSET))"
  else echo "statsd         DOWN  :8126"; fi
}
