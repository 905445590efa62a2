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
  'lib/config/',
  'lib/startup.ts',
  'lib/cross-copy-brand.ts',
  'lib/status/get-status.ts',
  'lib/status/load-page-status.ts',
  'server.ts',
  'instrumentation.ts',
  'node:',
] as const;

/** Unit tests run under Node wherever they sit, so they may use its test runner and builtins. */
export const TESTS_MAY_IMPORT = ['node:'] as const;

const OUTSIDE_THE_DASHBOARD = ['collector/', 'simulator/', 'stack/', 'bench/', 'e2e/', 'scripts/'] as const;

/**
 * lib/ is split by role at the bottom and by feature on top (docs/architecture.md). A role folder
 * is a tool every feature uses; a feature is one thing a person sees or does. A new feature
 * (alerts, auth, records) is a new folder in FEATURES.
 */
export const ROLES = [
  'lib/catalog/',
  'lib/shared/',
  'lib/config/',
  'lib/stats/',
  'lib/charts/',
  'lib/graphite/',
  'lib/time-range.ts',
  'lib/range-limit.ts',
  'lib/errors-explained.ts',
] as const;
export const FEATURES = ['lib/deployments/', 'lib/impact/', 'lib/status/', 'lib/hubs/', 'lib/system/', 'lib/explore/'] as const;

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
    room: ROLES,
    never: FEATURES,
    why: 'role folders sit below every feature: a feature uses them, never the reverse (what two features share moves down into a role folder)',
  },
  {
    room: ['lib/deployments/'],
    never: ['lib/impact/', 'lib/status/', 'lib/hubs/'],
    why: 'a deployment is recorded and listed without knowing how it is judged or shown: impact, status and hubs build on it',
  },
  {
    room: ['lib/impact/'],
    never: ['lib/status/', 'lib/hubs/'],
    why: "the status page shows the last deployment's verdict, so impact sits below status; what both need lives below both (lib/config, lib/graphite/render-times.ts)",
  },
  {
    room: ['lib/status/'],
    never: ['lib/hubs/'],
    why: "/hubs is every hub's status: it builds on lib/status",
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
    // lib/config/env.ts and errors.ts are the environment's pieces (zod only), for a CLI that parses its own.
    except: ['lib/catalog.ts', 'lib/catalog/', 'lib/api/', 'lib/config/env.ts', 'lib/config/errors.ts', 'collector/', 'simulator/'],
    why: "the collector runs on a hub host without the dashboard: it may use the metric catalog, the API's contract (lib/api) and the environment's pieces, nothing else of it",
  },
  {
    room: ['lib/api/'],
    never: [
      'app/',
      'components/',
      'lib/',
      'server.ts',
      'instrumentation.ts',
      ...OUTSIDE_THE_DASHBOARD,
      'node:',
      'next',
      'next/',
      'react',
      'react-dom',
      'swr',
      'nuqs',
      'echarts',
    ],
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
    room: ['lib/config/'],
    never: ['lib/'],
    except: ['lib/config/', 'lib/shared/measure-ids.ts'],
    why: 'the configuration is the bottom of the server: it reads the environment and one file, and imports nothing of the domain',
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

/**
 * Who may read `process.env`: lib/config/ (the server's one configuration), and the entry points
 * that hand the environment to their own parser (CLIs) or only ask Next which runtime this is.
 * Tests, benches, e2e specs and build configs are outside the product and not checked.
 */
export const ENV_READERS = [
  'lib/config/index.ts',
  'instrumentation.ts',
  'collector/cli.ts',
  'collector/deploy/cli.ts',
  'simulator/cli.ts',
  // The collector's test fixtures: where the captured logs are (a test-only override).
  'collector/fixtures/samples-dir.ts',
] as const;
export const ENV_CHECKED_ROOMS = ['app/', 'components/', 'lib/', 'collector/', 'simulator/', 'server.ts', 'instrumentation.ts'] as const;
