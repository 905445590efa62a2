import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// The API's contract is read by the browser's hooks, the route handlers and the collector's deploy
// client (which runs on a hub host without the dashboard): so it imports zod, the metric catalog
// (itself dependency-free) and its own modules, nothing else.
const ROOT = join(import.meta.dirname, '..', '..');
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const ALLOWED = /^(?:\.\/[a-z-]+|@\/lib\/catalog|zod)$/;

test('lib/api imports zod, the catalog and itself only', () => {
  const dir = join(ROOT, 'lib', 'api');
  const files = readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
  assert.ok(files.length >= 10, `one module per resource, found ${files.join(', ')}`);
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? '';
      assert.match(spec, ALLOWED, `lib/api/${name} imports ${spec}`);
    }
  }
});
