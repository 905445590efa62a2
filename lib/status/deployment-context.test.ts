import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '@/lib/deployments/types';
import { deploymentBefore, lastDeployment } from './deployment-context';

const d = (id: number, when: number, kind: Deployment['kind'] = 'deploy'): Deployment => ({
  id,
  when,
  hub: 'h',
  what: `change ${id}`,
  version: null,
  commit: null,
  author: null,
  link: null,
  source: 'api',
  kind,
});

test('an incident names the latest deployment in the 30 minutes before it, never a restart', () => {
  const list = [d(1, 1000), d(2, 1600), d(3, 1700, 'restart'), d(4, 9000)];
  assert.deepEqual(deploymentBefore(1840, list), { id: 2, what: 'change 2', minutesBefore: 4 });
  assert.equal(deploymentBefore(1600 + 31 * 60, list), null, 'too long before');
  assert.equal(deploymentBefore(900, list), null, 'nothing before');
});

test('the last deployment is the newest real one up to the end of the range', () => {
  const list = [d(1, 1000), d(2, 1600), d(3, 1700, 'restart'), d(4, 9000)];
  assert.equal(lastDeployment(5000, list)?.id, 2);
  assert.equal(lastDeployment(500, list), null);
});
