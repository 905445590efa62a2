/**
 * The metric catalog: every StatsD key, the rules that turn a key into a Graphite path, and the
 * layout (flush, retention, histogram bins) the stack's configuration is generated from. Pure
 * TypeScript without dependencies, so the collector can use it on a hub host without the dashboard.
 */
export * from './history';
export * from './keys';
export * from './layout';
export * from './paths';
export * from './prom';
