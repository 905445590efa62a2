/** graphite-web's function list as the functions API answers it: its contract is lib/api/functions.ts. */
export type { FunctionParam, FunctionsAnswer, GraphiteFunction } from '@/lib/api/functions';
