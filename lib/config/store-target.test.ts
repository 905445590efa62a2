import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from '@/lib/config';
import { loadRecordsConfig } from '@/lib/config/records';
import { parseStoreTarget, StoreTargetError } from './store-target';

describe('HUBWATCH_DATABASE_URL', () => {
  test('unset or empty: SQLite records.sqlite under the data directory', () => {
    assert.deepEqual(parseStoreTarget(undefined, undefined, '/srv/hw'), { dialect: 'sqlite', path: '/srv/hw/.data/records.sqlite' });
    assert.deepEqual(parseStoreTarget('', '/var/lib/hubwatch', '/srv/hw'), { dialect: 'sqlite', path: '/var/lib/hubwatch/records.sqlite' });
    assert.deepEqual(parseStoreTarget(undefined, 'data', '/srv/hw'), { dialect: 'sqlite', path: '/srv/hw/data/records.sqlite' });
  });

  test('sqlite:PATH and file:PATH, relative to the working directory', () => {
    assert.deepEqual(parseStoreTarget('sqlite:/var/lib/hw.db', undefined, '/srv'), { dialect: 'sqlite', path: '/var/lib/hw.db' });
    assert.deepEqual(parseStoreTarget('sqlite:///var/lib/hw.db', undefined, '/srv'), { dialect: 'sqlite', path: '/var/lib/hw.db' });
    assert.deepEqual(parseStoreTarget('file:db/hw.db', undefined, '/srv'), { dialect: 'sqlite', path: '/srv/db/hw.db' });
  });

  test('postgres:// keeps the URL and shows it without the password', () => {
    assert.deepEqual(parseStoreTarget('postgres://hw:s3cret@db.example.org:5433/hubwatch', undefined, '/srv'), {
      dialect: 'postgres',
      url: 'postgres://hw:s3cret@db.example.org:5433/hubwatch',
      display: 'postgres://hw:***@db.example.org:5433/hubwatch',
    });
    assert.equal(parseStoreTarget('postgresql://db/hw', undefined, '/srv').dialect, 'postgres');
  });

  for (const [value, problem] of [
    ['mysql://db/hw', 'must be postgres://user:password@host:port/database or sqlite:PATH (unset: SQLite under the data directory)'],
    ['postgres://db.example.org', 'a postgres:// URL needs a database name after the host (…/hubwatch)'],
    ['sqlite::memory:', 'sqlite: needs a file path (records in memory would be lost at every restart)'],
    ['sqlite:', 'sqlite: needs a file path (records in memory would be lost at every restart)'],
  ]) {
    test(`${JSON.stringify(value)} is refused: ${problem}`, () => {
      assert.throws(
        () => parseStoreTarget(value, undefined, '/srv'),
        (error: unknown) => error instanceof StoreTargetError && error.message === problem,
      );
      assert.throws(
        () => loadRecordsConfig({ HUBWATCH_DATABASE_URL: value }, '/srv'),
        (error: unknown) => error instanceof ConfigError && error.message === `invalid configuration: HUBWATCH_DATABASE_URL: ${problem}`,
      );
    });
  }

  test('HUBWATCH_EVENTS_MIRROR: on by default, off turns it off, anything else stops start-up', () => {
    assert.equal(loadRecordsConfig({}, '/srv').eventsMirror, true);
    assert.equal(loadRecordsConfig({ HUBWATCH_EVENTS_MIRROR: 'off' }, '/srv').eventsMirror, false);
    assert.throws(
      () => loadRecordsConfig({ HUBWATCH_EVENTS_MIRROR: 'false' }, '/srv'),
      (error: unknown) =>
        error instanceof ConfigError && error.message === 'invalid configuration: HUBWATCH_EVENTS_MIRROR: must be "on" or "off"',
    );
  });
});
