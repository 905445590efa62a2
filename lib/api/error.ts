import { z } from 'zod';

/**
 * The dashboard's one error body, `{"error": {"code": "...", "message": "..."}}`: built here for
 * every answer that refuses or fails (the route wrapper, the node:http paths of `npm start`), and
 * parsed here for every reader (the browser's hooks, the deploy client, the tests).
 */

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorDetail = ErrorBody['error'];

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** The body as sent on the wire. */
export function errorJson(code: string, message: string): string {
  return JSON.stringify(errorBody(code, message));
}

/** The code and message of an error body; null when `body` (parsed JSON) is not one. */
export function parseErrorBody(body: unknown): ErrorDetail | null {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}
