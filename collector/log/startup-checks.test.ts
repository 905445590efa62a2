import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StartupChecks } from './startup-checks';

test('outside the start-up check every timeout is a start failure and every death counts', () => {
  const checks = new StartupChecks();
  assert.equal(checks.running, false);
  assert.equal(checks.isCheckTimeout('ann'), false);
  assert.equal(checks.firstDeath('ann'), true);
  assert.equal(checks.firstDeath('ann'), true);
});

test("during the check a timeout is the check's own unless that user's start was requested", () => {
  const checks = new StartupChecks();
  checks.hubStarting();
  assert.equal(checks.isCheckTimeout('ann'), true);
  checks.startRequested('bob');
  assert.equal(checks.isCheckTimeout('bob'), false);
  // a named server's start request speaks for its user, as `never showed up` names the user only
  checks.startRequested('cid:lab');
  assert.equal(checks.isCheckTimeout('cid'), false);
  checks.initialized();
  assert.equal(checks.isCheckTimeout('ann'), false);
});

test('a server the check declares dead twice (error, then warning) is one death; another server is its own', () => {
  const checks = new StartupChecks();
  checks.hubStarting();
  assert.equal(checks.firstDeath('ann'), true);
  assert.equal(checks.firstDeath('ann'), false);
  assert.equal(checks.firstDeath('ann:lab'), true);
  // the next start of the hub is a new check
  checks.hubStarting();
  assert.equal(checks.firstDeath('ann'), true);
});
