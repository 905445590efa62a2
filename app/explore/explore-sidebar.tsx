'use client';

import { MetricSearch } from './metric-search';
import { MetricTree } from './metric-tree';

/** The metric finder: a glob search and the tree; both add the chosen metric as a target. */
export function ExploreSidebar({ onAdd }: { onAdd: (path: string) => void }) {
  return (
    <>
      <MetricSearch onAdd={onAdd} />
      <h2 id="metric-tree-heading">Metric tree</h2>
      <MetricTree onAdd={onAdd} />
    </>
  );
}
