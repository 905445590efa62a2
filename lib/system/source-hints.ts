/** Which collector source feeds a panel: an empty panel says so, so an operator knows what to switch on. */
export const SOURCE_HINTS = {
  health: "No data. Fed by the collector's health source: it probes /hub/health (run the collector with --hub-url).",
  usersApi:
    "No data. Fed by the collector's users-API source: /hub/api/users (needs --hub-url and a token with list:users and read:servers).",
  log: "No data. Fed by the collector's log source (--hub-log); spawns appear when students start servers.",
  requests: "No data. Fed by the collector's log source (--hub-log), or by its metrics source (/hub/metrics) when no log is followed.",
  metrics: "No data. Fed by the collector's metrics source: /hub/metrics (needs --hub-url and a token with read:metrics).",
} as const;

/** Hub metrics only newer JupyterHub versions serve (docs/jupyterhub-versions.md): the empty panel says so. */
export const SINCE_VERSION = {
  activeUsers: 'JupyterHub 4.0 and later report jupyterhub_active_users; 3.x hubs do not, so this panel stays empty for them.',
  eventLoop:
    'JupyterHub 5.0 and later report jupyterhub_event_loop_interval_seconds; 3.x and 4.x hubs do not, so this panel stays empty for them.',
} as const;
