import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { COUNTER_FAMILIES, COUNTER_KEYS, GAUGE_KEYS, PROM_PREFIX, TIMER_KEYS } from '@/lib/catalog';

const ROOT = join(import.meta.dirname, '..', '..');
/** The key tables of the docs: the README's contract and the collector's own page. */
const TABLES = [
  { file: 'README.md', heading: '### StatsD keys (the contract)' },
  { file: 'docs/collector.md', heading: '## StatsD keys' },
] as const;

/** Rows of the first table under the heading: [key, type] with the key's backticks removed. */
function documentedKeys(file: string, heading: string): Map<string, string> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `${file} has no "${heading}" section`);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('| key |'));
  assert.ok(first > 0, `${file}: no key table in the section`);
  const rows = new Map<string, string>();
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    const [key = '', type = ''] = line
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim());
    const bare = /^`([^`]+)`$/.exec(key)?.[1];
    assert.ok(bare, `${file}: key cell is not one \`key\`: ${key}`);
    assert.ok(!rows.has(bare), `${file} lists ${bare} twice`);
    rows.set(bare, type);
  }
  return rows;
}

/** The catalog's keys as the README names them, with the type its column must start with. */
function catalogKeys(): Map<string, string> {
  return new Map<string, string>([
    ...COUNTER_KEYS.map((key): [string, string] => [key, 'counter']),
    ...COUNTER_FAMILIES.map((family): [string, string] => [`${family}.<code>`, 'counter']),
    ...TIMER_KEYS.map((key): [string, string] => [key, 'timer']),
    ...GAUGE_KEYS.map((key): [string, string] => [key, 'gauge']),
    [`${PROM_PREFIX}*`, 'counter / gauge'],
  ]);
}

for (const { file, heading } of TABLES) {
  test(`every catalog key is in the ${file} table, and the table lists no other`, () => {
    const documented = documentedKeys(file, heading);
    const catalog = catalogKeys();
    assert.deepEqual(
      [...catalog.keys()].filter((key) => !documented.has(key)),
      [],
      `catalog keys missing from ${file}`,
    );
    assert.deepEqual(
      [...documented.keys()].filter((key) => !catalog.has(key)),
      [],
      `${file} keys the catalog does not define`,
    );
  });

  test(`${file} gives each key the catalog's type`, () => {
    const documented = documentedKeys(file, heading);
    for (const [key, type] of catalogKeys()) {
      assert.ok(documented.get(key)?.startsWith(type), `${key}: ${file} says "${documented.get(key)}", catalog says ${type}`);
    }
  });
}
