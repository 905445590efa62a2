import type { Readable } from 'node:stream';
import type { LineSplitter } from '../log/line-splitter';

/** `--hub-log -`: lines from a pipe (`kubectl logs -f deploy/hub | ...`). Resolves when the pipe closes. */
export function followStream(input: Readable, splitter: LineSplitter): { done: Promise<number> } {
  let bytes = 0;
  const done = new Promise<number>((resolve, reject) => {
    input.on('data', (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buf.length;
      splitter.push(buf);
    });
    input.on('end', () => {
      splitter.flushPartial();
      resolve(bytes);
    });
    input.on('error', reject);
  });
  return { done };
}
