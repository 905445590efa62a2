import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SAMPLES_DIR } from '../fixtures/samples-dir';
import type { LineSink } from '../log/line-splitter';
import { LineSplitter } from '../log/line-splitter';
import { parseStartupLine, type StartupLine, StartupLineTee } from './startup-line';

const LOG = readFileSync(join(SAMPLES_DIR, 'hub-run1.log'));
const STARTED = Date.parse('2026-11-25T11:10:51.835') / 1000; // the first line, local time

function run(nowSeconds: number): { seen: StartupLine[]; lines: number } {
  const seen: StartupLine[] = [];
  let lines = 0;
  const counter: LineSink = { line: () => lines++ };
  new LineSplitter(
    new StartupLineTee(
      counter,
      (line) => seen.push(line),
      () => nowSeconds,
    ),
  ).push(LOG);
  return { seen, lines };
}

describe('the hub start-up line', () => {
  test('parses the real line', () => {
    assert.deepEqual(parseStartupLine('[I 2026-11-25 11:10:51.835 JupyterHub app:2775] Running JupyterHub version 3.0.0'), {
      version: '3.0.0',
      at: Math.floor(STARTED),
    });
    assert.equal(parseStartupLine('[W 2026-11-25 11:10:52.112 JupyterHub proxy:750] Running JupyterHub without SSL.'), undefined);
  });

  test('in the captured run: once, and every line still reaches the parser', () => {
    const { seen, lines } = run(STARTED + 60);
    assert.deepEqual(seen, [{ version: '3.0.0', at: Math.floor(STARTED) }]);
    assert.equal(lines, LOG.toString('latin1').split('\n').filter(Boolean).length);
  });

  test('an old start-up line (catching up with --from-start) is not a restart now', () => {
    assert.deepEqual(run(STARTED + 3_600).seen, []);
  });
});
