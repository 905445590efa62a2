# carbon-cache from Debian's graphite-carbon: receives metrics on 2003 (plaintext) and 2004
# (pickle), answers graphite-web's queries for unflushed points on 7002.
PACKAGES=(graphite-carbon)

prepare() {
  mkdir -p "$DATA_DIR/whisper" "$DATA_DIR/lists" "$LOG_DIR/carbon"
  render_template "$REPO_DIR/stack/carbon/carbon.conf.tmpl" "$ETC_DIR/carbon.conf"
}

run() {
  # --nodaemon keeps it in the foreground so stack.sh owns its pid; its own pid file is separate.
  exec carbon-cache --config="$ETC_DIR/carbon.conf" --pidfile="$RUN_DIR/carbon-twistd.pid" --nodaemon start
}

healthy() { tcp_open 2003 && tcp_open 7002; }

describe() {
  if healthy; then echo "carbon         up    :2003 plaintext, :2004 pickle, :7002 cache query"
  else echo "carbon         DOWN  :2003"; fi
}
