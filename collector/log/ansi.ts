// configurable-http-proxy colours its level (`ESC[32minfo ESC[39m`) even when writing to a file.
const ESC = String.fromCharCode(27);
const ANSI_SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

export function stripAnsi(text: string): string {
  return text.indexOf(ESC) === -1 ? text : text.replace(ANSI_SGR, '');
}
