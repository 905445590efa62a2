import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { checkFile, importSpecifiers, repositoryProblems } from './check-imports';
import { envReads } from './env-reads';
import { folderCycles, libFolder } from './folder-cycles';

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
  assert.deepEqual(targets('components/chart/x.tsx', "import type { Series } from '@/lib/graphite/types';"), ['lib/graphite/types.ts']);
  assert.deepEqual(targets('components/chart/x.tsx', "import type { Series } from '@/lib/shared/series';"), []);
  assert.deepEqual(targets('components/shell/x.tsx', "import { useViewParams } from '@/lib/client/use-view-params';"), []);
});

test('the server-side domain may not reach browser code or the route layer (relative paths resolved)', () => {
  assert.deepEqual(targets('lib/status/x.ts', "import { useRender } from '@/lib/client/use-render';"), ['lib/client/use-render.ts']);
  assert.deepEqual(targets('lib/status/x.ts', "import { rangeProblem } from '../http/params';"), ['lib/http/params.ts']);
  assert.deepEqual(targets('lib/stats/x.ts', "const m = await import('@/lib/http/route');"), ['lib/http/route.ts']);
  assert.deepEqual(targets('lib/charts/x.ts', "export { Chart } from '@/components/chart/echart';"), ['components/chart/echart.tsx']);
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
  assert.deepEqual(targets('simulator/x.ts', "import { x } from '@/components/shell/site-header';"), ['components/shell/site-header.tsx']);
});

test('server.ts runs the build only: a source import of lib/ is refused', () => {
  assert.deepEqual(targets('server.ts', "import { getConfig } from '@/lib/config';"), ['lib/config/index.ts']);
  assert.deepEqual(targets('server.ts', "import next from 'next';"), []);
});

test("the API's contract imports zod and the catalog only", () => {
  assert.deepEqual(
    targets('lib/api/x.ts', "import { z } from 'zod';\nimport { HUB_NAME_PATTERN } from '@/lib/catalog';\nimport { a } from './status';"),
    [],
  );
  assert.deepEqual(targets('lib/api/x.ts', "import { ConfigError } from '@/lib/config';\nimport * as echarts from 'echarts';"), [
    'lib/config/index.ts',
    'echarts',
  ]);
});

test('imports in comments are not imports', () => {
  assert.deepEqual(importSpecifiers("// import { x } from '@/lib/http/route';\n/* import '@/app/page' */\nconst a = 1;"), []);
});

test('role folders sit below the features; impact below status; deployments below both', () => {
  assert.deepEqual(targets('lib/graphite/x.ts', "import type { GraphiteFunction } from '@/lib/explore/graphite-functions';"), [
    'lib/explore/graphite-functions.ts',
  ]);
  assert.deepEqual(targets('lib/charts/x.ts', "import type { Deployment } from '@/lib/deployments/types';"), ['lib/deployments/types.ts']);
  assert.deepEqual(targets('lib/impact/x.ts', "import { renderStart } from '@/lib/graphite/render-times';"), []);
  assert.deepEqual(targets('lib/impact/x.ts', "import { computeStatus } from '@/lib/status/compute-status';"), [
    'lib/status/compute-status.ts',
  ]);
  assert.deepEqual(targets('lib/status/x.ts', "import { getImpact } from '@/lib/impact/get-impact';"), []);
  assert.deepEqual(targets('lib/deployments/x.ts', "import { getImpact } from '@/lib/impact/get-impact';"), ['lib/impact/get-impact.ts']);
  // Refused twice: by the role rule and by lib/config's own (it imports nothing of the domain).
  assert.deepEqual(targets('lib/config/x.ts', "import { MEASURES } from '@/lib/impact/measures';"), [
    'lib/impact/measures.ts',
    'lib/impact/measures.ts',
  ]);
  assert.deepEqual(targets('lib/config/x.ts', "import { MEASURE_IDS } from '@/lib/shared/measure-ids';"), []);
});

test('the collector may parse its environment with the config pieces, not load the server configuration', () => {
  assert.deepEqual(targets('collector/x.ts', "import { intInRange } from '../lib/config/env';"), []);
  assert.deepEqual(targets('collector/x.ts', "import { getConfig } from '../lib/config';"), ['lib/config/index.ts']);
});

test('folder cycles: found once each, in import order, whatever the files', () => {
  const edge = (from: string, to: string) => ({ from, to, file: `${from}a.ts`, line: 1 });
  assert.deepEqual(folderCycles([edge('lib/status/', 'lib/impact/'), edge('lib/impact/', 'lib/graphite/')]), []);
  assert.deepEqual(folderCycles([edge('lib/status/', 'lib/impact/'), edge('lib/impact/', 'lib/status/')]), [
    ['lib/impact/', 'lib/status/', 'lib/impact/'],
  ]);
  const three = [edge('lib/graphite/', 'lib/explore/'), edge('lib/explore/', 'lib/charts/'), edge('lib/charts/', 'lib/graphite/')];
  assert.deepEqual(folderCycles(three), [['lib/charts/', 'lib/graphite/', 'lib/explore/', 'lib/charts/']]);
  assert.equal(libFolder('lib/status/verdict.ts'), 'lib/status/');
  assert.equal(libFolder('lib/time-range.ts'), 'lib/time-range.ts');
  assert.equal(libFolder('app/page.tsx'), null);
});

test('process.env is read in lib/config/ and the CLIs entry points only; comments and tests are free', () => {
  assert.deepEqual(envReads('lib/graphite/x.ts', 'const url = process.env.GRAPHITE_URL;\n'), [1]);
  assert.deepEqual(envReads('app/page.tsx', '// process.env.X is read in lib/config\nconst a = 1;\nif (process.env.Y) a;'), [3]);
  assert.deepEqual(envReads('lib/config/index.ts', 'loadConfig(process.env, process.cwd());'), []);
  assert.deepEqual(envReads('collector/cli.ts', 'parseOptions(argv, process.env);'), []);
  assert.deepEqual(envReads('lib/graphite/x.test.ts', 'process.env.GRAPHITE_URL;'), []);
  assert.deepEqual(envReads('e2e/x.spec.ts', 'process.env.HUBWATCH_DATA_DIR;'), []);
});

test('the repository itself keeps every rule, has no folder cycle and reads its environment in one place', () => {
  assert.deepEqual(repositoryProblems(ROOT), []);
});
