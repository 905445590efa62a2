import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError, parseOptions } from './options';

function optionOf(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseOptions(argv, env);
  } catch (err) {
    assert.ok(err instanceof OptionError, String(err));
    return err.option;
  }
  assert.fail(`accepted ${argv.join(' ')}`);
}

describe('parseOptions', () => {
  it('applies the documented defaults', () => {
    const o = parseOptions(['--hub-log', '/var/log/hub.log'], {});
    assert.equal(o.hubName, 'default');
    assert.equal(o.statsdHost, '127.0.0.1');
    assert.equal(o.statsdPort, 8125);
    assert.equal(o.intervalSeconds, 10);
    assert.equal(o.fromStart, false);
    assert.equal(o.hubUrl, null);
    assert.equal(o.singleValueTimers, false);
    assert.equal(parseOptions(['--hub-log', '-', '--single-value-timers'], {}).singleValueTimers, true);
    assert.equal(optionOf(['--hub-log', '-', '--single-value-timers=yes']), '--single-value-timers');
  });

  it('takes the token from the environment so it does not show in ps', () => {
    const a = parseOptions(['--hub-url', 'http://127.0.0.1:8081'], { HUBWATCH_HUB_TOKEN: 'abc' });
    assert.equal(a.hubToken, 'abc');
    const b = parseOptions(['--hub-url', 'http://127.0.0.1:8081'], { JUPYTERHUB_API_TOKEN: 'def' });
    assert.equal(b.hubToken, 'def');
    const c = parseOptions(['--hub-url', 'http://127.0.0.1:8081', '--hub-token', 'flag'], { JUPYTERHUB_API_TOKEN: 'def' });
    assert.equal(c.hubToken, 'flag');
  });

  it("normalises the hub URL to the hub's base URL", () => {
    assert.equal(parseOptions(['--hub-url', 'http://h:8081/hub/'], {}).hubUrl?.href, 'http://h:8081/');
    assert.equal(parseOptions(['--hub-url', 'https://x.org/jhub'], {}).hubUrl?.href, 'https://x.org/jhub/');
  });

  it('parses --statsd HOST:PORT including IPv6', () => {
    const o = parseOptions(['--hub-log', '-', '--statsd', '[::1]:9125'], {});
    assert.equal(o.statsdHost, '::1');
    assert.equal(o.statsdPort, 9125);
  });

  it('names the option when the configuration is bad', () => {
    assert.equal(optionOf([]), '--hub-log');
    assert.equal(optionOf(['--hub-log', 'x', '--statsd', 'localhost']), '--statsd');
    assert.equal(optionOf(['--hub-log', 'x', '--statsd', 'h:70000']), '--statsd');
    assert.equal(optionOf(['--hub-log', 'x', '--interval', '0']), '--interval');
    assert.equal(optionOf(['--hub-log', 'x', '--interval', 'soon']), '--interval');
    assert.equal(optionOf(['--hub-log', 'x', '--hub-name', 'a.b']), '--hub-name');
    assert.equal(optionOf(['--hub-url', 'ftp://x']), '--hub-url');
    assert.equal(optionOf(['--hub-url', 'not a url']), '--hub-url');
    assert.equal(optionOf(['--hub-url', 'http://u:p@h/']), '--hub-url');
    assert.equal(optionOf(['--hub-log', '-', '--checkpoint', '/tmp/cp']), '--checkpoint');
    assert.equal(optionOf(['--hub-log', '-', '--from-start']), '--from-start');
    assert.equal(optionOf(['--hub-log', 'x', '--hub-token', 't']), '--hub-token');
    assert.equal(optionOf(['--hub-log', 'x', '--bogus']), '--bogus');
    assert.equal(optionOf(['--hub-log']), '--hub-log');
    assert.equal(optionOf(['--hub-log', '/tmp']), '--hub-log');
    assert.equal(optionOf(['--hub-log', '/tmp/x.log', '--checkpoint', '/tmp']), '--checkpoint');
  });
});

describe('parseOptions: automatic deployment recording', () => {
  const env = { HUBWATCH_HUB_TOKEN: 'abc', HUBWATCH_DEPLOY_TOKEN: 'd'.repeat(16) };
  const base = ['--hub-url', 'http://127.0.0.1:8081'];

  it('is off unless --dashboard-url or HUBWATCH_URL is given', () => {
    assert.equal(parseOptions(base, env).dashboardUrl, null);
    assert.equal(parseOptions([...base, '--dashboard-url', 'http://127.0.0.1:3100'], env).dashboardUrl?.href, 'http://127.0.0.1:3100/');
    assert.equal(parseOptions(base, { ...env, HUBWATCH_URL: 'http://dash:3000' }).dashboardUrl?.href, 'http://dash:3000/');
    assert.equal(parseOptions([...base, '--dashboard-url', 'http://d'], env).deployToken, 'd'.repeat(16));
  });

  it('--checkpoint remembers the hub info even without a log file', () => {
    const o = parseOptions([...base, '--dashboard-url', 'http://d', '--checkpoint', '/tmp/cp.json'], env);
    assert.equal(o.checkpoint, '/tmp/cp.json');
  });

  it('needs the hub URL, a hub token and the deploy token', () => {
    assert.equal(optionOf(['--hub-log', '-', '--dashboard-url', 'http://d'], env), '--dashboard-url');
    assert.equal(optionOf([...base, '--dashboard-url', 'http://d'], { HUBWATCH_DEPLOY_TOKEN: 'x' }), '--dashboard-url');
    assert.equal(optionOf([...base, '--dashboard-url', 'http://d'], { HUBWATCH_HUB_TOKEN: 'abc' }), '--dashboard-url');
    assert.equal(optionOf([...base, '--dashboard-url', 'ftp://d'], env), '--dashboard-url');
  });
});
