/**
 * The "never" arrows of docs/architecture.md, as data. A file in `room` must not import anything
 * matching `never` (repo-relative paths, resolved; bare names are npm packages or node builtins),
 * unless it also matches `except`. The first matching room does not stop the search: a file is
 * held to every room it belongs to.
 */
export interface ImportRule {
  /** Which files the rule applies to (repo-relative path prefix or exact file). */
  room: readonly string[];
  /** Files of the room the rule does not apply to (e.g. the browser-side part of lib/). */
  roomExcept?: readonly string[];
  never: readonly string[];
  except?: readonly string[];
  why: string;
}

/** Modules that only run on the server: they read env/config, call Graphite or shape HTTP answers. */
export const SERVER_ONLY = [
  'lib/graphite/',
  'lib/http/',
  'lib/config.ts',
  'lib/startup.ts',
  'lib/cross-copy-brand.ts',
  'lib/status/get-status.ts',
  'lib/status/load-page-status.ts',
  'lib/status/load-thresholds.ts',
  'server.ts',
  'instrumentation.ts',
  'node:',
] as const;

/** Unit tests run under Node wherever they sit, so they may use its test runner and builtins. */
export const TESTS_MAY_IMPORT = ['node:'] as const;

const OUTSIDE_THE_DASHBOARD = ['collector/', 'simulator/', 'stack/', 'bench/', 'e2e/', 'scripts/'] as const;

export const IMPORT_RULES: readonly ImportRule[] = [
  {
    room: ['components/'],
    never: ['app/', ...SERVER_ONLY, ...OUTSIDE_THE_DASHBOARD],
    why: 'components are props in, pixels out: they run in the browser and know nothing of routes or Graphite',
  },
  {
    room: ['lib/'],
    never: ['app/', 'components/', 'server.ts', 'instrumentation.ts', ...OUTSIDE_THE_DASHBOARD],
    why: 'lib/ is the domain: routes and components use it, never the other way round',
  },
  {
    room: ['lib/'],
    roomExcept: ['lib/client/'],
    never: ['lib/client/', 'next/navigation', 'swr', 'react', 'react-dom'],
    why: 'the server-side domain does not depend on browser code; shared pieces live in lib/shared/',
  },
  {
    room: ['lib/client/'],
    never: SERVER_ONLY,
    why: 'lib/client/ runs in the browser: it reaches the server through /api only',
  },
  {
    room: ['lib/'],
    // lib/startup.ts is the server's start-up wiring (run by instrumentation.ts), not domain: it
    // hands server.ts the route layer's hooks.
    roomExcept: ['lib/http/', 'lib/client/', 'lib/startup.ts'],
    never: ['lib/http/'],
    why: 'the domain does not know it is served over HTTP; the route layer (lib/http, app/api) calls it',
  },
  {
    room: ['collector/', 'simulator/'],
    never: ['app/', 'components/', 'lib/', 'next', 'next/', 'react', 'server.ts', 'instrumentation.ts'],
    // lib/api/ is the API's contract (zod and the catalog only): the collector's deploy client posts to it.
    except: ['lib/catalog.ts', 'lib/catalog/', 'lib/api/', 'collector/', 'simulator/'],
    why: "the collector runs on a hub host without the dashboard: it may use the metric catalog and the API's contract (lib/api), nothing else of it",
  },
  {
    room: ['lib/api/'],
    never: ['app/', 'components/', 'lib/', 'server.ts', 'instrumentation.ts', ...OUTSIDE_THE_DASHBOARD, 'node:', 'next', 'next/', 'react', 'react-dom', 'swr', 'nuqs', 'echarts'],
    except: ['lib/api/', 'lib/catalog/'],
    why: "lib/api/ is the API's contract, read by the browser, the server and the collector alike: zod and the metric catalog only (lib/api/dependency-free.test.ts checks every import)",
  },
  {
    room: ['stack/'],
    never: ['app/', 'components/', 'lib/', 'next', 'next/', 'react', 'server.ts', 'instrumentation.ts'],
    except: ['lib/catalog/'],
    why: "the stack's configuration is rendered from the catalog's metrics layout (stack/layout/); nothing else of the dashboard",
  },
  {
    room: ['server.ts'],
    never: ['lib/', 'app/', 'components/'],
    why: 'server.ts runs the build of the app, published by instrumentation.ts; a source import would load a second copy',
  },
  {
    room: ['collector/'],
    // The captures' test reads each capture's ledger (what really happened) with the simulator's reader.
    roomExcept: ['collector/log/captures.test.ts'],
    never: ['simulator/'],
    why: 'the collector ships alone; the simulator is a test tool',
  },
];
