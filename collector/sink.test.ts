import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { after, before, describe, it } from 'node:test';
import { packetBytesFor, StatsdSink } from './sink';

/** A real UDP socket on loopback: what StatsD would receive. */
let socket: Socket;
let port = 0;
const packets: string[] = [];

before(async () => {
  socket = createSocket('udp4');
  socket.on('message', (m) => packets.push(m.toString()));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  port = socket.address().port;
  // A same-process receiver cannot read during a synchronous burst: give it room for one.
  socket.setRecvBufferSize(4 * 1024 * 1024);
});
after(() => socket.close());

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 150));
}

function lines(): string[] {
  return packets.flatMap((p) => p.split('\n'));
}

/** What StatsD reads: a multi-value line `key:1|ms:2|ms` is one metric per value. */
function metrics(): string[] {
  return lines().flatMap((line) => {
    const [key, ...fields] = line.split(':');
    return fields.map((field) => `${key}:${field}`);
  });
}

describe('packet size', () => {
  it('fits an Ethernet MTU for a remote StatsD, 8 KiB on loopback', () => {
    assert.equal(packetBytesFor('10.0.0.5'), 1432);
    assert.equal(packetBytesFor('statsd.monitoring.svc'), 1432);
    assert.equal(packetBytesFor('127.0.0.1'), 8192);
    assert.equal(packetBytesFor('::1'), 8192);
  });
});

describe('StatsdSink over real UDP', () => {
  it('prefixes keys, sums counters per flush, sends every timer value at sample rate 1, buffers into packets', async () => {
    packets.length = 0;
    const sink = new StatsdSink({ host: '127.0.0.1', port, prefix: 'jupyterhub.unit', flushIntervalMs: 60_000 });
    for (let i = 0; i < 250; i++) sink.count('requests.status.200', 1);
    sink.count('logins.success', 2);
    for (let i = 0; i < 100; i++) sink.timing('requests.duration', i + 0.25);
    sink.gauge('hub.up', 1);
    sink.flush();
    await sink.close();
    await settle();
    const all = metrics();
    assert.ok(all.includes('jupyterhub.unit.requests.status.200:250|c'));
    assert.ok(all.includes('jupyterhub.unit.logins.success:2|c'));
    assert.ok(all.includes('jupyterhub.unit.hub.up:1|g'));
    const timers = all.filter((m) => m.startsWith('jupyterhub.unit.requests.duration:'));
    assert.equal(timers.length, 100);
    assert.ok(
      timers.every((m) => /^jupyterhub\.unit\.requests\.duration:\d+(\.\d+)?\|ms$/.test(m)),
      'no sample rate suffix',
    );
    assert.ok(packets.length < all.length / 10, `${packets.length} packets for ${all.length} metrics`);
    for (const p of packets) assert.ok(Buffer.byteLength(p) <= 8192, 'fits the loopback packet size');
    assert.equal(sink.stats.metricsSent, 103);
    // ...and the 100 timer values travel as one multi-value line.
    assert.equal(lines().filter((l) => l.startsWith('jupyterhub.unit.requests.duration:')).length, 1);
  });

  it('sends one line per timer value for StatsD servers without multi-value lines', async () => {
    packets.length = 0;
    const sink = new StatsdSink({
      host: '127.0.0.1',
      port,
      prefix: 'jupyterhub.single',
      flushIntervalMs: 60_000,
      multiValueTimers: false,
    });
    for (let i = 0; i < 20; i++) sink.timing('requests.duration', i + 1);
    await sink.close();
    await settle();
    const timerLines = lines().filter((l) => l.startsWith('jupyterhub.single.requests.duration:'));
    assert.equal(timerLines.length, 20);
    assert.ok(timerLines.every((l) => /^jupyterhub\.single\.requests\.duration:\d+\|ms$/.test(l)));
  });

  it('hands large bursts of timer values over in batches, each value once', async () => {
    packets.length = 0;
    const sink = new StatsdSink({ host: '127.0.0.1', port, prefix: 'jupyterhub.burst', flushIntervalMs: 60_000 });
    for (let i = 0; i < 10_000; i++) sink.timing('spawns.duration', 1000 + i);
    await sink.close();
    await settle();
    const values = metrics()
      .filter((m) => m.startsWith('jupyterhub.burst.spawns.duration:'))
      .map((m) => Number(m.slice(m.indexOf(':') + 1, m.indexOf('|'))));
    assert.equal(values.length, 10_000);
    assert.equal(new Set(values).size, 10_000);
    for (const line of lines()) assert.ok(Buffer.byteLength(line) < 8192, 'a multi-value line never outgrows a packet');
  });
});
