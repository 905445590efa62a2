import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LineSink, LineSplitter } from './line-splitter';

class Collect implements LineSink {
  readonly lines: string[] = [];
  line(text: string, start: number, end: number): void {
    this.lines.push(text.slice(start, end));
  }
}

describe('LineSplitter', () => {
  it('gives the same lines whatever the chunk boundaries', () => {
    const text = 'first line\nsecond\n\nfourth after an empty one\nlast\n';
    const bytes = Buffer.from(text);
    for (let size = 1; size <= bytes.length; size++) {
      const c = new Collect();
      const s = new LineSplitter(c);
      for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
      assert.deepEqual(c.lines, ['first line', 'second', '', 'fourth after an empty one', 'last'], `chunk ${size}`);
      assert.equal(s.pendingBytes, 0);
    }
  });

  it('holds a partial last line until its newline, and counts its bytes as pending', () => {
    const c = new Collect();
    const s = new LineSplitter(c);
    s.push(Buffer.from('complete\npart'));
    assert.deepEqual(c.lines, ['complete']);
    assert.equal(s.pendingBytes, 4);
    s.push(Buffer.from('ial'));
    assert.equal(s.pendingBytes, 7);
    s.push(Buffer.from(' done\n'));
    assert.deepEqual(c.lines, ['complete', 'partial done']);
    assert.equal(s.pendingBytes, 0);
  });

  it('emits the held line when the stream ends', () => {
    const c = new Collect();
    const s = new LineSplitter(c);
    s.push(Buffer.from('a\nno newline at the end'));
    s.flushPartial();
    assert.deepEqual(c.lines, ['a', 'no newline at the end']);
  });

  it('passes a 1 MB line whole, split over many chunks', () => {
    const c = new Collect();
    const s = new LineSplitter(c);
    const big = `[I 2026-11-25 11:00:00.000 JupyterHub app:1] ${'x'.repeat(1024 * 1024)}`;
    const bytes = Buffer.from(`before\n${big}\nafter\n`);
    for (let i = 0; i < bytes.length; i += 65536) s.push(bytes.subarray(i, i + 65536));
    assert.equal(c.lines.length, 3);
    assert.equal(c.lines[1]?.length, big.length);
    assert.equal(c.lines[2], 'after');
    assert.equal(s.oversizedLines, 0);
  });

  it('keeps the head of a held line longer than the limit and skips the rest', () => {
    const c = new Collect();
    const s = new LineSplitter(c, 1000);
    for (let i = 0; i < 5; i++) s.push(Buffer.from('y'.repeat(1000)));
    assert.equal(s.pendingBytes, 5000);
    s.push(Buffer.from('\nnext\n'));
    assert.deepEqual(
      c.lines.map((l) => l.length),
      [1000, 4],
    );
    assert.equal(s.oversizedLines, 1);
  });

  it('survives invalid UTF-8 and a multi-byte char cut by a chunk boundary', () => {
    const c = new Collect();
    const s = new LineSplitter(c);
    const bytes = Buffer.concat([Buffer.from('bad \xff\xfe bytes\n', 'latin1'), Buffer.from('José → done\n', 'utf8')]);
    for (let i = 0; i < bytes.length; i += 3) s.push(bytes.subarray(i, i + 3));
    assert.equal(c.lines.length, 2);
    assert.equal(c.lines[0], 'bad \xff\xfe bytes');
    // Decoded byte for byte: the same input always gives the same chars.
    assert.equal(Buffer.from(c.lines[1] ?? '', 'latin1').toString('utf8'), 'José → done');
  });
});
