/**
 * Import cycles between the folders of lib/ (a file-level rule cannot see them: each arrow of
 * lib/impact -> lib/status -> lib/impact is allowed on its own). A folder is `lib/<name>`; a file
 * directly in lib/ is its own folder. Tests are left out: a test may reach up to set a scene.
 */

export type FolderEdge = { from: string; to: string; file: string; line: number };

/** The lib/ folder a repo-relative path belongs to, or null outside lib/. */
export function libFolder(path: string): string | null {
  const match = /^lib\/([^/]+)(\/|$)/.exec(path);
  if (match === null) return null;
  return match[2] === '/' ? `lib/${match[1]}/` : `lib/${match[1]}`;
}

/** Every cycle of the folder graph, each as its folders in import order, first folder repeated at the end. */
export function folderCycles(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (from === to) continue;
    next.set(from, (next.get(from) ?? new Set()).add(to));
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  // Each cycle once: started from its smallest folder, walking only through larger ones.
  for (const start of [...next.keys()].sort()) {
    const walk = (folder: string, path: string[]) => {
      for (const to of [...(next.get(folder) ?? [])].sort()) {
        if (to === start) {
          const cycle = [...path, start];
          const key = cycle.join(' ');
          if (!seen.has(key)) cycles.push(cycle);
          seen.add(key);
        } else if (to > start && !path.includes(to)) walk(to, [...path, to]);
      }
    };
    walk(start, [start]);
  }
  return cycles;
}
