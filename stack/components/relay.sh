# shellcheck shell=bash
# The cluster's entry point: Debian's carbon-c-relay on :2003 (where StatsD and everyone else send),
# consistent hashing over carbon-a (:2013) and carbon-b (:2023). While a cache is down the relay
# queues its points (up to -q per cache) and delivers them when it is back.
PACKAGES=(carbon-c-relay)
source "$REPO_DIR/stack/cluster/cluster.sh"
# Characters the relay keeps in names besides [A-Za-z0-9.]: carbon-cache itself accepts more, and
# a relay that rewrote `<`/`>` would store a different series than a single node.
RELAY_ALLOWED_CHARS=${HUBWATCH_RELAY_ALLOWED_CHARS:-'-_:#<>=;@+%!~^&,()[]{}'}

prepare() {
  mkdir -p "$CLUSTER_ETC"
  render_cluster_template "$REPO_DIR/stack/cluster/relay.conf.tmpl" "$CLUSTER_ETC/relay.conf"
}

run() {
  # -q: points queued per cache while it is away (a 30 s outage of a busy hub is a few thousand);
  # -H: a fixed name for the relay's own metrics (carbon.relays.hubwatch.*).
  exec carbon-c-relay -f "$CLUSTER_ETC/relay.conf" -q 500000 -H hubwatch -c "$RELAY_ALLOWED_CHARS"
}

healthy() { tcp_open "$RELAY_PORT"; }

describe() {
  if healthy; then printf '%-20s up    :%s -> carbon_ch over a :%s, b :%s\n' "$COMPONENT" "$RELAY_PORT" "$(cport 2013)" "$(cport 2023)"
  else printf '%-20s DOWN  :%s\n' "$COMPONENT" "$RELAY_PORT"; fi
}
