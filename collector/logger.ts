/**
 * The collector's own log, on stderr. Messages are written by this code only: they carry counts,
 * paths, URLs and status codes, never log content, user names or tokens.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function stderrLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (level: LogLevel, message: string) => write(`${new Date().toISOString()} hubwatch-collector ${level}: ${message}\n`);
  return {
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
