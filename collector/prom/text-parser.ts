/** Prometheus text exposition format 0.0.4, as served by prometheus_client at /hub/metrics. */
export type FamilyType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  /** Sample name, e.g. `jupyterhub_request_duration_seconds_bucket`. */
  readonly name: string;
  /** Labels sorted by name. */
  readonly labels: ReadonlyArray<readonly [string, string]>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly type: FamilyType;
  readonly samples: Sample[];
}

export class PromParseError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(`line ${lineNumber}: ${message}`);
    this.name = 'PromParseError';
  }
}

const TYPES = new Set<FamilyType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES = ['_bucket', '_count', '_sum', '_total', '_created', '_gcount', '_gsum'];
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  return Number(text);
}

function parseLabels(text: string, lineNumber: number): Array<[string, string]> {
  const labels: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (i >= text.length) break;
    const eq = text.indexOf('=', i);
    if (eq === -1 || text[eq + 1] !== '"') throw new PromParseError(lineNumber, 'malformed label');
    const key = text.slice(i, eq).trim();
    let value = '';
    let j = eq + 2;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '\\') {
        const n = text[j + 1];
        value += n === 'n' ? '\n' : (n ?? '');
        j++;
      } else if (c === '"') break;
      else value += c;
    }
    if (j >= text.length) throw new PromParseError(lineNumber, 'unterminated label value');
    labels.push([key, value]);
    i = j + 1;
  }
  labels.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return labels;
}

/** Which declared family a sample belongs to (`x_bucket` -> `x` when `x` is a histogram). */
function familyOf(sample: string, declared: ReadonlyMap<string, Family>): string {
  if (declared.has(sample)) return sample;
  for (const suffix of SUFFIXES) {
    if (sample.endsWith(suffix)) {
      const base = sample.slice(0, -suffix.length);
      if (declared.has(base)) return base;
    }
  }
  return sample;
}

export function parsePromText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+TYPE\s+(\S+)\s+(\S+)/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) {
        const type = TYPES.has(m[2] as FamilyType) ? (m[2] as FamilyType) : 'untyped';
        if (!families.has(m[1])) families.set(m[1], { name: m[1], type, samples: [] });
      }
      continue;
    }
    const nameMatch = NAME.exec(line);
    if (!nameMatch) throw new PromParseError(n + 1, 'expected a metric name');
    const name = nameMatch[0];
    let rest = line.slice(name.length);
    let labels: Array<[string, string]> = [];
    if (rest.startsWith('{')) {
      const close = rest.lastIndexOf('}');
      if (close === -1) throw new PromParseError(n + 1, 'unterminated label set');
      labels = parseLabels(rest.slice(1, close), n + 1);
      rest = rest.slice(close + 1);
    }
    const valueText = rest.trim().split(/\s+/)[0] ?? '';
    const value = parseValue(valueText);
    if (valueText === '' || (Number.isNaN(value) && valueText !== 'NaN')) {
      throw new PromParseError(n + 1, `bad value ${JSON.stringify(valueText.slice(0, 20))}`);
    }
    const familyName = familyOf(name, families);
    let family = families.get(familyName);
    if (!family) {
      family = { name: familyName, type: 'untyped', samples: [] };
      families.set(familyName, family);
    }
    family.samples.push({ name, labels, value });
  }
  return families;
}
