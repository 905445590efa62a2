import { z } from 'zod';
import { intInRange, parseEnv, unsetIfEmpty } from './env';
import type { Env } from './errors';

/** Where `npm start` (server.ts) listens. */

const schema = z.object({
  PORT: intInRange(1, 65_535, 3000),
  // An address, not a URL: 127.0.0.1 by default so a demo never listens on the network by accident.
  HUBWATCH_HOST: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or an IP address')
      .default('127.0.0.1'),
  ),
});

export type ListenConfig = { port: number; host: string };

export function loadListenConfig(env: Env): ListenConfig {
  const value = parseEnv(schema, env);
  return { port: value.PORT, host: value.HUBWATCH_HOST };
}
