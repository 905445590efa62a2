/** Which collector source feeds a panel: an empty panel says so, so an operator knows what to switch on. */
export const SOURCE_HINTS = {
  health: "No data. Fed by the collector's health source: it probes /hub/health (run the collector with --hub-url).",
  usersApi:
    "No data. Fed by the collector's users-API source: /hub/api/users (needs --hub-url and a token with list:users and read:servers).",
  log: "No data. Fed by the collector's log source (--hub-log); spawns appear when students start servers.",
  requests:
    "No data. Fed by the collector's log source (--hub-log), or by its metrics source (/hub/metrics) when no log is followed.",
  metrics:
    "No data. Fed by the collector's metrics source: /hub/metrics (needs --hub-url and a token with read:metrics).",
} as const;
