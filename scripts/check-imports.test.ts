import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { checkFile, checkRepository, importSpecifiers } from './check-imports';

const ROOT = dirname(import.meta.dirname);
const targets = (file: string, source: string) => checkFile(file, source, ROOT).map((v) => v.target);

test('a component that imports the Graphite client fails, with the file, line and rule', () => {
  const source = "'use client';\n\nimport { getGraphiteClient } from '@/lib/graphite/client';\n";
  const [violation, ...rest] = checkFile('components/panels/synthetic.tsx', source, ROOT);
  assert.equal(rest.length, 0);
  assert.equal(violation?.file, 'components/panels/synthetic.tsx');
  assert.equal(violation?.line, 3);
  assert.equal(violation?.target, 'lib/graphite/client.ts');
  assert.match(violation?.why ?? '', /components/);
});

test('type-only imports count too; the neutral module is allowed', () => {
  assert.deepEqual(targets('components/chart/x.tsx', "import type { Series } from '@/lib/graphite/types';"), [
    'lib/graphite/types.ts',
  ]);
  assert.deepEqual(targets('components/chart/x.tsx', "import type { Series } from '@/lib/shared/series';"), []);
  assert.deepEqual(targets('components/shell/x.tsx', "import { useViewParams } from '@/lib/client/use-view-params';"), []);
});

test('the server-side domain may not reach browser code or the route layer (relative paths resolved)', () => {
  assert.deepEqual(targets('lib/status/x.ts', "import { useRender } from '@/lib/client/use-render';"), [
    'lib/client/use-render.ts',
  ]);
  assert.deepEqual(targets('lib/status/x.ts', "import { rangeProblem } from '../http/params';"), ['lib/http/params.ts']);
  assert.deepEqual(targets('lib/stats/x.ts', "const m = await import('@/lib/http/route');"), ['lib/http/route.ts']);
  assert.deepEqual(targets('lib/charts/x.ts', "export { Chart } from '@/components/chart/echart';"), [
    'components/chart/echart.tsx',
  ]);
  assert.deepEqual(targets('lib/http/x.ts', "import { getStatus } from '@/lib/status/get-status';"), []);
});

test("the collector may import the catalog, the API's contract and node, nothing else of the dashboard", () => {
  const ok =
    "import { COUNTER_KEYS } from '../lib/catalog';\nimport { deploymentSchema } from '../lib/api/deployments';\nimport { readFileSync } from 'node:fs';\nimport { z } from 'zod';";
  assert.deepEqual(targets('collector/x.ts', ok), []);
  assert.deepEqual(
    targets(
      'collector/log/x.ts',
      "import { a } from '../../lib/status/get-status';\nimport { useRouter } from 'next/navigation';\nimport React from 'react';",
    ),
    ['lib/status/get-status.ts', 'next/navigation', 'react'],
  );
  assert.deepEqual(targets('simulator/x.ts', "import { x } from '@/components/shell/site-header';"), [
    'components/shell/site-header.tsx',
  ]);
});

test('server.ts runs the build only: a source import of lib/ is refused', () => {
  assert.deepEqual(targets('server.ts', "import { getConfig } from '@/lib/config';"), ['lib/config.ts']);
  assert.deepEqual(targets('server.ts', "import next from 'next';"), []);
});

test("the API's contract imports zod and the catalog only", () => {
  assert.deepEqual(targets('lib/api/x.ts', "import { z } from 'zod';\nimport { HUB_NAME_PATTERN } from '@/lib/catalog';\nimport { a } from './status';"), []);
  assert.deepEqual(targets('lib/api/x.ts', "import { ConfigError } from '@/lib/config';\nimport * as echarts from 'echarts';"), ['lib/config.ts', 'echarts']);
});

test('imports in comments are not imports', () => {
  assert.deepEqual(importSpecifiers("// import { x } from '@/lib/http/route';\n/* import '@/app/page' */\nconst a = 1;"), []);
});

test('the repository itself keeps every rule', () => {
  assert.deepEqual(checkRepository(ROOT), []);
});
