/**
 * What each spec depends on, so that `npm test` runs every spec once in its first pass and only
 * the ones that can differ in the later passes (scripts/test.sh, playwright.config.ts):
 *
 * - `exclusive`: mutates what other specs use (stops or freezes graphite-web-chaos or a cluster
 *   node, restarts the demo hub) or measures the stack under load, so it runs alone, after the
 *   specs that run side by side. A new spec that does either belongs here.
 * - `hub`: its outcome depends on the JupyterHub version (log lines, API, start-up): run again on
 *   the oldest supported JupyterHub.
 * - `storage`: its outcome depends on Graphite's storage (a single node or the cluster: relay,
 *   caches, federating front): run again on the cluster.
 * - `records`: its outcome depends on the records store: run again on PostgreSQL, with both
 *   dashboards sharing it.
 *
 * Everything else runs once, side by side with the other non-exclusive specs. Specs that drive the
 * demo hub take its lock (support/simulated-class.ts `withDemoHub`), so two never drive it at once.
 */
export const SPEC_GROUPS = {
  exclusive: [
    'api-burst.spec.ts',
    'api-chaos.spec.ts',
    'api-cluster.spec.ts',
    'api-records-chaos.spec.ts',
    'api-saturation.spec.ts',
    'browser-a11y-stale.spec.ts',
    'browser-partial.spec.ts',
    'browser-stale.spec.ts',
    'browser-status-page.spec.ts',
    'pipeline-crashes.spec.ts',
    'pipeline-deployments.spec.ts',
    'pipeline-impact.spec.ts',
  ],
  hub: [
    'pipeline-crashes.spec.ts',
    'pipeline-hub.spec.ts',
    'pipeline-hub-setup.spec.ts',
    'pipeline-deployments.spec.ts',
    'api-status.spec.ts',
  ],
  storage: [
    'api-chaos.spec.ts',
    'api-cluster.spec.ts',
    'api-deployments.spec.ts',
    'api-explore-export.spec.ts',
    'api-explore-functions.spec.ts',
    'api-hostile.spec.ts',
    'api-proxy.spec.ts',
    'api-saturation.spec.ts',
    'api-status.spec.ts',
    'browser-partial.spec.ts',
    'pipeline-hub.spec.ts',
    'pipeline-stack.spec.ts',
  ],
  // Their outcome depends on the records store (SQLite by default; PostgreSQL shared by both
  // dashboards with HUBWATCH_TEST_DB=postgres). api-records*.spec.ts test both stores themselves.
  records: ['api-deployments.spec.ts', 'api-records-chaos.spec.ts', 'api-records-import.spec.ts', 'pipeline-deployments.spec.ts'],
} as const satisfies Record<string, readonly string[]>;

export type SpecGroup = keyof typeof SPEC_GROUPS;

const alternatives = (files: Iterable<string>) => [...files].map((f) => f.replace(/\./g, '\\.')).join('|');
/** Matches every spec file whose name is not one of `files`. */
const allBut = (files: Iterable<string>) => new RegExp(`^(?!.*/(${alternatives(files)})$)`);
/** Matches every spec file whose name is one of `files`. */
const oneOf = (files: Iterable<string>) => new RegExp(`/(${alternatives(files)})$`);

/**
 * What a run leaves out (Playwright's testIgnore: a file matching any pattern is left out).
 * HUBWATCH_E2E_GROUP: `hub`, `storage` or both joined by `+` keep only those groups' specs; unset
 * keeps all. HUBWATCH_E2E_MODE: `parallel` leaves the exclusive specs out, `exclusive` keeps only
 * them; unset keeps both.
 */
export function ignoredSpecs(group: string | undefined, mode: string | undefined): RegExp[] {
  const ignored: RegExp[] = [];
  if (group) {
    const files = new Set<string>();
    for (const name of group.split('+')) {
      if (name === 'exclusive' || !Object.hasOwn(SPEC_GROUPS, name)) {
        throw new Error(`HUBWATCH_E2E_GROUP: unknown group "${name}" (hub, storage, records, or several joined by +)`);
      }
      for (const f of SPEC_GROUPS[name as SpecGroup]) files.add(f);
    }
    ignored.push(allBut(files));
  }
  if (mode === 'parallel') ignored.push(oneOf(SPEC_GROUPS.exclusive));
  else if (mode === 'exclusive') ignored.push(allBut(SPEC_GROUPS.exclusive));
  else if (mode) throw new Error(`HUBWATCH_E2E_MODE: "${mode}" is neither parallel nor exclusive`);
  return ignored;
}
