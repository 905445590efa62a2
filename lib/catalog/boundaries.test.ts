import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';

// The collector runs on a hub host without the dashboard: it may use the catalog, never the
// dashboard's code or packages. The catalog stays pure TypeScript without dependencies for that.
const ROOT = join(import.meta.dirname, '..', '..');
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? '').filter((s) => s !== '');
}

function resolveRelative(from: string, spec: string): string {
  const base = join(dirname(from), spec);
  const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
  assert.ok(found, `${relative(ROOT, from)}: cannot resolve ${spec}`);
  return found;
}

test('the catalog imports nothing but itself', () => {
  const dir = join(ROOT, 'lib', 'catalog');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    for (const spec of specifiers(join(dir, name))) assert.match(spec, /^\.\//, `lib/catalog/${name} imports ${spec}`);
  }
});

test('the collector reaches only its own files, the catalog and its few packages', () => {
  const allowedPackages = new Set(['zod', 'hot-shots']);
  const seen = new Set<string>();
  const todo = [join(ROOT, 'collector', 'cli.ts')];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const where = relative(ROOT, file);
    assert.ok(where.startsWith('collector/') || where.startsWith('lib/catalog/'), `the collector reaches ${where}`);
    for (const spec of specifiers(file)) {
      if (spec.startsWith('.')) todo.push(resolveRelative(file, spec));
      else assert.ok(spec.startsWith('node:') || allowedPackages.has(spec), `${where} imports ${spec}`);
    }
  }
  assert.ok([...seen].some((f) => relative(ROOT, f).startsWith('lib/catalog/')), 'the walk reached the catalog');
});
