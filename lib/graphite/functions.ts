import { z } from 'zod';
import type { FunctionParam, GraphiteFunction } from '@/lib/shared/graphite-functions';
import { GraphiteError } from './errors';

/**
 * graphite-web's `/functions` answer. graphite-web 1.1 encodes it with Python's json module and
 * then replaces `Infinity,` by `1e9999,`, so an infinite default that closes an object
 * (`"default": Infinity}`, e.g. keepLastValue's `limit`) stays a bare `Infinity`, which
 * JSON.parse rejects. `lenientJson` reads those tokens as numbers before parsing.
 */

/** JSON text with bare `Infinity`, `-Infinity` and `NaN` outside strings made valid (±1e9999, null). */
export function lenientJson(text: string): string {
  let out = '';
  let inString = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
    } else if (c === 'I' && text.startsWith('Infinity', i)) {
      out += `${text.slice(from, i)}1e9999`;
      i += 'Infinity'.length - 1;
      from = i + 1;
    } else if (c === 'N' && text.startsWith('NaN', i)) {
      out += `${text.slice(from, i)}null`;
      i += 'NaN'.length - 1;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

// z.number() refuses ±Infinity, which is exactly what lenientJson produced on purpose.
const anyNumber = z.custom<number>((v) => typeof v === 'number' && !Number.isNaN(v), 'expected a number');
const scalar = z.union([z.string(), anyNumber, z.boolean()]);

const paramSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean().optional(),
  multiple: z.boolean().optional(),
  default: scalar.nullable().optional(),
  // smartSummarize's `func` lists None among its options.
  options: z.array(scalar.nullable()).optional(),
  suggestions: z.array(scalar.nullable()).optional(),
});

const functionSchema = z.object({
  name: z.string(),
  function: z.string(),
  description: z.string().nullable().optional(),
  group: z.string().nullable().optional(),
  params: z.array(paramSchema).nullable().optional(),
});

const functionsSchema = z.record(z.string(), functionSchema);

/** A value as it is written in a target: strings quoted, numbers (Infinity too) as digits. */
function asWritten(value: string | number | boolean): string {
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

function toParam(p: z.infer<typeof paramSchema>): FunctionParam {
  const param: FunctionParam = { name: p.name, type: p.type, required: p.required === true, multiple: p.multiple === true };
  if (p.default !== undefined && p.default !== null) param.default = asWritten(p.default);
  const present = (values: Array<string | number | boolean | null>) => values.filter((v) => v !== null).map(String);
  if (p.options) param.options = present(p.options);
  if (p.suggestions) param.suggestions = present(p.suggestions);
  return param;
}

/** graphite-web's `/functions` body as the sorted list the dashboard serves. */
export function parseFunctionList(body: string): GraphiteFunction[] {
  let raw: unknown;
  try {
    raw = JSON.parse(lenientJson(body));
  } catch (error) {
    throw new GraphiteError('upstream', 'Graphite answered the functions with something that is not JSON', { cause: error });
  }
  const parsed = functionsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GraphiteError('upstream', "Graphite's functions answer has an unexpected shape", { cause: parsed.error });
  }
  return Object.values(parsed.data)
    .map(
      (f): GraphiteFunction => ({
        name: f.name,
        group: f.group ?? 'Ungrouped',
        signature: f.function,
        description: f.description ?? '',
        params: (f.params ?? []).map(toParam),
      }),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
