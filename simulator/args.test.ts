import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs, UsageError } from './args';

const NOW = 1_795_605_053_231;

test('defaults: the local demo hub, lectures forever, class-sized', () => {
  const options = parseArgs([], { HUBWATCH_DATA_DIR: '/srv/hw' }, NOW);
  assert.equal(options.hubUrl, 'http://127.0.0.1:8000');
  assert.equal(options.once, false);
  assert.equal(options.students, 10);
  assert.equal(options.waves, 0);
  assert.equal(options.tag, 'class');
  assert.equal(options.ledgerPath, '/srv/hw/simulator/ledger.jsonl');
  assert.equal(options.tokenFile, '/srv/hw/etc/jupyterhub_simulator_token');
  assert.equal(options.token, null);
  assert.equal(options.password, 'hubwatch-demo');
  assert.deepEqual(options.lectureSeconds, [20, 60]);
  assert.deepEqual(options.breakSeconds, [10, 40]);
});

test('--crash-chance: 0.4 unless given, 0 turns crashes off', () => {
  assert.equal(parseArgs([], {}, NOW).crashChance, 0.4);
  assert.equal(parseArgs(['--crash-chance', '0'], {}, NOW).crashChance, 0);
  assert.equal(parseArgs(['--crash-chance=0.25'], {}, NOW).crashChance, 0.25);
});

test('--lecture-seconds and --break-seconds: a range or one value', () => {
  const options = parseArgs(['--lecture-seconds', '2-5', '--break-seconds=3'], {}, NOW);
  assert.deepEqual(options.lectureSeconds, [2, 5]);
  assert.deepEqual(options.breakSeconds, [3, 3]);
});

test('--once gets its own tag, 6 students; options in both --k v and --k=v forms', () => {
  const options = parseArgs(
    ['--once', '--hub-url=http://hub.example:8000/hub/', '--students', '8', '--seed', '7', '--ledger', '/tmp/l.jsonl'],
    { HUBWATCH_SIM_TOKEN: ' abc ', JH_PASSWORD: 'pw' },
    NOW,
  );
  assert.equal(options.once, true);
  assert.equal(options.hubUrl, 'http://hub.example:8000');
  assert.equal(options.students, 8);
  assert.equal(options.seed, 7);
  assert.match(options.tag, /^[a-z0-9]{1,12}$/);
  assert.notEqual(options.tag, 'class');
  assert.equal(options.ledgerPath, '/tmp/l.jsonl');
  assert.equal(options.token, 'abc');
  assert.equal(options.password, 'pw');
  assert.equal(parseArgs(['--once'], {}, NOW).students, 6);
});

const bad: [string[], RegExp][] = [
  [['--students', '0'], /^--students: must be between 1 and 200, got 0$/],
  [['--students', 'many'], /^--students: expected an integer, got "many"$/],
  [['--waves'], /^--waves: missing value$/],
  [['--hub-url', 'ftp://x'], /^--hub-url: must be http/],
  [['--hub-url', 'nope'], /^--hub-url: not a URL/],
  [['--tag', 'Has Space'], /^--tag: must match/],
  [['--frobnicate', '1'], /^unknown option "--frobnicate"/],
  [['--request-timeout', '0'], /^--request-timeout: must be between 1 and 600/],
  [['--lecture-seconds', '5-2'], /^--lecture-seconds: must be A-B with 0 <= A <= B <= 3600, got 5-2$/],
  [['--crash-chance', '1.5'], /^--crash-chance: must be a number from 0 to 1, got 1\.5$/],
  [['--crash-chance', '-0'], /^--crash-chance: must be a number from 0 to 1, got -0$/],
  [['--break-seconds', 'soon'], /^--break-seconds: expected seconds as A-B or A, got "soon"$/],
];
for (const [argv, message] of bad) {
  test(`bad input names the option: ${argv.join(' ')}`, () => {
    assert.throws(
      () => parseArgs(argv, {}, NOW),
      (error: unknown) => error instanceof UsageError && message.test(error.message),
    );
  });
}

test('--crashes: its own scenario, a tag from the clock, never together with --once', () => {
  const options = parseArgs(['--crashes'], {}, NOW);
  assert.equal(options.crashes, true);
  assert.equal(options.once, false);
  assert.match(options.tag, /^[a-z0-9]{1,12}$/);
  assert.notEqual(options.tag, 'class');
  assert.equal(parseArgs([], {}, NOW).crashes, false);
  assert.throws(
    () => parseArgs(['--once', '--crashes'], {}, NOW),
    (e: unknown) => e instanceof UsageError && /choose one/.test(e.message),
  );
});
