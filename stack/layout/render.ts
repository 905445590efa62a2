import {
  archivesFor,
  formatRetentions,
  type HistogramRule,
  METRICS_LAYOUT,
  type MetricsLayout,
  STATSD_ARCHIVES,
  whisperFileBytes,
} from '../../lib/catalog';

/**
 * Renders the stack's configuration from the catalog's metrics layout (lib/catalog/layout.ts), so
 * carbon's retention and StatsD's flush and bins are written in one place and the dashboard reads
 * the same facts. Pure: stack/layout/cli.ts writes the files at `stack.sh start`.
 */

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** carbon's storage-schemas.conf: one section per schema, first match wins. */
export function storageSchemasConf(layout: MetricsLayout = METRICS_LAYOUT): string {
  const statsdBytes = whisperFileBytes(archivesFor('stats.', layout));
  const lines = [
    '# Generated from lib/catalog/layout.ts by stack/layout/cli.ts at `stack.sh start`; edit the layout.',
    '# Read by carbon-cache (CONF_DIR). First match wins. carbon applies a schema when it creates a',
    '# whisper file; the stack resizes existing files to it before carbon starts (stack/carbon/resize-whisper.py).',
    '#',
    `# StatsD's metrics (${formatRetentions(STATSD_ARCHIVES)}): ${megabytes(statsdBytes)} per metric`,
    `# (${statsdBytes.toLocaleString('en')} bytes, preallocated). 10 s matches StatsD's flush; the 1-minute`,
    '# archive holds a deployment impact comparison (windows of up to 7 days and the same a week earlier,',
    '# 21 days back); a year at 10 minutes feeds the 90-day uptime bars.',
  ];
  for (const schema of layout.storageSchemas) {
    lines.push('', `[${schema.name}]`, `pattern = ${schema.pattern}`, `retentions = ${formatRetentions(schema.archives)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** StatsD's histogram setting: bounds in ms, the last one "inf". */
export function statsdHistogram(rules: readonly HistogramRule[]): string {
  const entries = rules.map(
    (rule) =>
      `    { metric: ${JSON.stringify(rule.metric)}, bins: [${rule.bins.map((b) => (b === Infinity ? '"inf"' : String(b))).join(', ')}] }`,
  );
  return `[\n${entries.join(',\n')}\n  ]`;
}

/** Fills the layout's placeholders of stack/statsd/config.js.tmpl; a placeholder left over is an error. */
export function statsdConfig(template: string, layout: MetricsLayout = METRICS_LAYOUT): string {
  const text = template
    .replaceAll('@FLUSH_INTERVAL_MS@', String(layout.flushIntervalSeconds * 1000))
    .replaceAll('@HISTOGRAM@', statsdHistogram(layout.histograms));
  const left = /@[A-Z_]+@/.exec(text);
  if (left) throw new Error(`statsd template: unknown placeholder ${left[0]}`);
  return text;
}
