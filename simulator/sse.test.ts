import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventStreamParser } from './sse';

test('events split across chunks come out whole, comments and keepalives ignored', () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.push('data: {"progress": 0'), []);
  assert.deepEqual(parser.push(', "message": "Server requested"}\n'), []);
  assert.deepEqual(parser.push('\n:keepalive\n\ndata: {"progress": 100, "ready": true}\n\n'), [
    '{"progress": 0, "message": "Server requested"}',
    '{"progress": 100, "ready": true}',
  ]);
});

test('CRLF line ends and multi-line data', () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.push('data: a\r\ndata: b\r\n\r\n'), ['a\nb']);
});
