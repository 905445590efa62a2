/**
 * Why a call to graphite-web failed:
 * - `unreachable`: no connection (refused, reset, DNS)
 * - `timeout`: no complete answer within the timeout
 * - `bad_request`: graphite-web answered 400 (e.g. unknown function); `reason` is its text
 * - `upstream`: any other failure status, or a body that does not match the expected shape
 * - `busy`: not sent at all: too many renders already running or waiting (lib/graphite/render-gate.ts)
 */
export type GraphiteErrorKind = 'unreachable' | 'timeout' | 'bad_request' | 'upstream' | 'busy';

export class GraphiteError extends Error {
  override name = 'GraphiteError';
  readonly kind: GraphiteErrorKind;
  /** HTTP status graphite-web answered with, when it answered. */
  readonly status: number | undefined;
  /** graphite-web's own explanation, only for `bad_request` (safe to show: it is about the request). */
  readonly reason: string | undefined;
  /** Set when the answer was refused for its size (render-limit.ts): the cap it passed. */
  readonly limitBytes: number | undefined;

  constructor(
    kind: GraphiteErrorKind,
    message: string,
    details: { status?: number; reason?: string; cause?: unknown; limitBytes?: number } = {},
  ) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.reason = details.reason;
    this.limitBytes = details.limitBytes;
  }
}

export function isGraphiteError(value: unknown): value is GraphiteError {
  return value instanceof GraphiteError;
}
