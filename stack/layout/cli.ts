import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { statsdConfig, storageSchemasConf } from './render';

// node --import tsx stack/layout/cli.ts carbon-schemas OUT
// node --import tsx stack/layout/cli.ts statsd TEMPLATE OUT   (TEMPLATE may be OUT: rewritten in place)
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp.${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const [kind, first, second] = process.argv.slice(2);
if (kind === 'carbon-schemas' && first !== undefined) writeAtomically(first, storageSchemasConf());
else if (kind === 'statsd' && first !== undefined && second !== undefined) {
  writeAtomically(second, statsdConfig(readFileSync(first, 'utf8')));
} else {
  process.stderr.write('usage: cli.ts carbon-schemas OUT | statsd TEMPLATE OUT\n');
  process.exit(2);
}
