import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { envReads } from './env-reads';
import { type FolderEdge, folderCycles, libFolder } from './folder-cycles';
import { IMPORT_RULES, type ImportRule, TESTS_MAY_IMPORT } from './import-rules';

/**
 * Checks the "never" arrows of docs/architecture.md over every TypeScript file's imports
 * (static, type-only, re-exports, dynamic `import()`, `require`). Run by `npm test` after lint:
 * `npx tsx scripts/check-imports.ts` prints each violation and exits 1. It also refuses import
 * cycles between lib/'s folders (scripts/folder-cycles.ts) and `process.env` read outside
 * lib/config/ (scripts/env-reads.ts).
 */

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  /** What the specifier resolved to (repo-relative path, package name or `node:` builtin). */
  target: string;
  why: string;
}

const SPECIFIER =
  /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,$]+?\s+from\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** Every module specifier in `source`, with its 1-based line. Comments are blanked first. */
export function importSpecifiers(source: string): { specifier: string; line: number }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/[^\n]*/g, (match, lead: string | undefined) =>
    match.startsWith('/*') ? match.replace(/[^\n]/g, ' ') : `${lead ?? ''}${' '.repeat(match.length - (lead ?? '').length)}`,
  );
  const out: { specifier: string; line: number }[] = [];
  for (const m of code.matchAll(SPECIFIER)) {
    const specifier = m[1];
    if (specifier === undefined) continue;
    out.push({ specifier, line: code.slice(0, m.index).split('\n').length });
  }
  return out;
}

const BUILTINS = new Set(builtinModules);
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/**
 * Repo-relative path of a local import (`@/lib/x`, `./x`, `../x`), with the extension found on
 * disk under `root`; a `node:` name for a builtin; else the package name as written.
 */
export function resolveSpecifier(file: string, specifier: string, root: string): string {
  let local: string | null = null;
  if (specifier.startsWith('@/')) local = specifier.slice(2);
  else if (specifier.startsWith('./') || specifier.startsWith('../')) local = posix.join(posix.dirname(file), specifier);
  if (local === null) return BUILTINS.has(specifier) && !specifier.startsWith('node:') ? `node:${specifier}` : specifier;
  const normal = posix.normalize(local);
  for (const ext of EXTENSIONS) if (existsSync(join(root, normal + ext)) && ext !== '') return normal + ext;
  return normal;
}

function matches(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) =>
    p.endsWith('/') || p.endsWith(':') ? path.startsWith(p) || `${path}/` === p : path === p || path.startsWith(`${p}/`),
  );
}

function appliesTo(rule: ImportRule, file: string): boolean {
  return matches(file, rule.room) && !matches(file, rule.roomExcept ?? []);
}

/** The violations of one file's imports. `root` is where local imports are looked up on disk. */
export function checkFile(file: string, source: string, root: string, rules = IMPORT_RULES): Violation[] {
  const active = rules.filter((rule) => appliesTo(rule, file));
  if (active.length === 0) return [];
  const isTest = /\.test\.tsx?$/.test(file);
  const out: Violation[] = [];
  for (const { specifier, line } of importSpecifiers(source)) {
    const target = resolveSpecifier(file, specifier, root);
    if (isTest && matches(target, TESTS_MAY_IMPORT)) continue;
    for (const rule of active) {
      if (matches(target, rule.never) && !matches(target, rule.except ?? [])) {
        out.push({ file, line, specifier, target, why: rule.why });
      }
    }
  }
  return out;
}

/** Tracked and new (not ignored) TypeScript files of the repository. */
function sourceFiles(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((f) => f !== '' && !f.startsWith('node_modules/') && existsSync(join(root, f)));
}

export function checkRepository(root: string): Violation[] {
  return sourceFiles(root).flatMap((file) => checkFile(file, readFileSync(join(root, file), 'utf8'), root));
}

/** The folder arrows of lib/'s non-test files, each with the first import that draws it. */
export function libFolderEdges(root: string): FolderEdge[] {
  const edges: FolderEdge[] = [];
  for (const file of sourceFiles(root)) {
    const from = libFolder(file);
    if (from === null || /\.test\.tsx?$/.test(file)) continue;
    for (const { specifier, line } of importSpecifiers(readFileSync(join(root, file), 'utf8'))) {
      const to = libFolder(resolveSpecifier(file, specifier, root));
      if (to !== null && to !== from) edges.push({ from, to, file, line });
    }
  }
  return edges;
}

/** Every problem of the repository, one line each: rule violations, folder cycles, env reads. */
export function repositoryProblems(root: string): string[] {
  const problems = checkRepository(root).map((v) => `${v.file}:${v.line}: imports ${v.specifier} (${v.target}): ${v.why}`);
  const edges = libFolderEdges(root);
  for (const cycle of folderCycles(edges)) {
    const arrows = cycle.slice(1).map((to, i) => edges.find((e) => e.from === cycle[i] && e.to === to));
    const where = arrows.map((e) => (e ? `${e.file}:${e.line}` : '?')).join(', ');
    problems.push(`import cycle ${cycle.join(' -> ')} (${where}): move what both sides need below both`);
  }
  for (const file of sourceFiles(root)) {
    for (const line of envReads(file, readFileSync(join(root, file), 'utf8'))) {
      problems.push(`${file}:${line}: reads process.env: configuration is read once, in lib/config/ (getConfig())`);
    }
  }
  return problems;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const root = dirname(import.meta.dirname);
  const problems = repositoryProblems(root);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`import rules: ${problems.length} problem(s); the rooms are described in docs/architecture.md`);
    process.exit(1);
  }
  console.log('import rules: ok');
}
