import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// The collector runs on a hub host without the dashboard and may use the catalog (scripts/check-imports.ts
// enforces that arrow): so the catalog stays pure TypeScript, importing no package and no other module.
const ROOT = join(import.meta.dirname, '..', '..');
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? '').filter((s) => s !== '');
}

test('the catalog imports nothing but itself', () => {
  const dir = join(ROOT, 'lib', 'catalog');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    for (const spec of specifiers(join(dir, name))) assert.match(spec, /^\.\//, `lib/catalog/${name} imports ${spec}`);
  }
});
