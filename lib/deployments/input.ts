import { z } from 'zod';
import { HUB_NAME_PATTERN } from '@/lib/catalog';
import { DEPLOYMENT_KINDS, DEPLOYMENT_SOURCES } from './types';

/**
 * The body of POST /api/deployments. Strict: an unknown field is a 400 naming it, so a typo
 * (`"verison"`) is not silently dropped. Text is stored as given (never trimmed or escaped; the
 * pages render it as text), but it must be one line and within graphite-web's limits.
 */

export const DEPLOYMENT_LIMITS = {
  /** graphite-web's Event.what is a CharField(max_length=255). */
  whatLength: 255,
  /** django-tagging's MAX_TAG_LENGTH is 50, and the tag is `hub:<name>`. */
  hubLength: 46,
  fieldLength: 200,
  linkLength: 2_000,
  /** 2000-01-01: anything earlier is a unit mistake (milliseconds are caught by the upper bound). */
  earliestWhen: 946_684_800,
  /** A little clock skew between a CI runner and the dashboard, not a deployment planned ahead. */
  futureSeconds: 3_600,
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const stringError = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : 'must be a string');

const text = (max: number) =>
  z
    .string({ error: stringError })
    .min(1, 'must not be empty (leave the field out instead)')
    .max(max, `longer than the limit of ${max} characters`)
    .refine((value) => !CONTROL_CHARS.test(value), 'must be one line without control characters');

const optionalText = (max: number) => text(max).nullable().optional();

const link = z
  .string({ error: 'must be a string' })
  .max(DEPLOYMENT_LIMITS.linkLength, `longer than the limit of ${DEPLOYMENT_LIMITS.linkLength} characters`)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  }, 'must be an http:// or https:// URL');

function whenSchema(nowSeconds: () => number) {
  return z
    .number({ error: 'must be a number of epoch seconds' })
    .int('must be whole epoch seconds')
    .superRefine((value, ctx) => {
      const latest = Math.floor(nowSeconds()) + DEPLOYMENT_LIMITS.futureSeconds;
      if (value < DEPLOYMENT_LIMITS.earliestWhen || value > latest) {
        ctx.addIssue({
          code: 'custom',
          message: `must be epoch seconds between ${DEPLOYMENT_LIMITS.earliestWhen} (2000-01-01) and one hour from now`,
        });
      }
    });
}

function unknownFields(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
    return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type') return 'body: must be a JSON object';
  return undefined;
}

/** The schema, with the clock injectable for tests. */
export function deploymentInputSchema(nowSeconds: () => number = () => Date.now() / 1000) {
  return z.strictObject(
    {
      hub: z
        .string({ error: stringError })
        .max(DEPLOYMENT_LIMITS.hubLength, `longer than the limit of ${DEPLOYMENT_LIMITS.hubLength} characters`)
        .regex(HUB_NAME_PATTERN, 'must be a hub name: letters, digits, _ and - only'),
      what: text(DEPLOYMENT_LIMITS.whatLength),
      when: whenSchema(nowSeconds).optional(),
      version: optionalText(DEPLOYMENT_LIMITS.fieldLength),
      commit: optionalText(DEPLOYMENT_LIMITS.fieldLength),
      author: optionalText(DEPLOYMENT_LIMITS.fieldLength),
      link: link.nullable().optional(),
      source: z.enum(DEPLOYMENT_SOURCES, { error: `must be one of ${DEPLOYMENT_SOURCES.join(', ')}` }).default('api'),
      kind: z.enum(DEPLOYMENT_KINDS, { error: `must be one of ${DEPLOYMENT_KINDS.join(', ')}` }).default('deploy'),
    },
    { error: unknownFields },
  );
}

export type DeploymentInput = z.output<ReturnType<typeof deploymentInputSchema>>;
