# carbon-cache from Debian's graphite-carbon: receives metrics on 2003 (plaintext) and 2004
# (pickle), answers graphite-web's queries for unflushed points on 7002.
PACKAGES=(graphite-carbon python3-whisper) # python3-whisper: whisper-resize, for retention changes

prepare() {
  mkdir -p "$DATA_DIR/whisper" "$DATA_DIR/lists" "$LOG_DIR/carbon" "$ETC_DIR/carbon"
  render_template "$REPO_DIR/stack/carbon/carbon.conf.tmpl" "$ETC_DIR/carbon.conf"
  # Retention comes from the catalog's layout; aggregation is a plain file. Both in CONF_DIR.
  render_layout carbon-schemas "$ETC_DIR/carbon/storage-schemas.conf"
  cp "$REPO_DIR/stack/carbon/storage-aggregation.conf" "$ETC_DIR/carbon/storage-aggregation.conf"
  # carbon applies a schema only to files it creates: bring existing ones to it while no one writes.
  /usr/bin/python3 "$REPO_DIR/stack/carbon/resize-whisper.py" "$DATA_DIR/whisper" "$ETC_DIR/carbon"
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
