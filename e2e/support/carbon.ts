import { connect } from 'node:net';

/**
 * Writes points straight to carbon's plaintext port. Used only to create metric names that
 * StatsD would sanitise away (e.g. with HTML in them), to prove the pages render them as text.
 */
export function writeToCarbon(lines: readonly string[], port = 2003): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end(`${lines.join('\n')}\n`);
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('carbon did not accept the connection in time')));
    socket.on('close', (hadError) => (hadError ? undefined : resolve()));
    socket.on('error', reject);
  });
}

/** A metric under a fresh hub whose status-code node is HTML. */
export const HTML_STATUS = '<b>bold<b>';
