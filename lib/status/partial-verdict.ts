import { type BackendStatus, partialMessage } from '@/lib/shared/backend';
import { formatUtcTime } from '@/lib/status/plain-language';
import type { Verdict } from '@/lib/status/verdict';

/**
 * A partial answer can hide the failures that would make a hub Degraded or Down (their counters
 * may live on the missing node), so it never makes a hub Operational: the verdict is then
 * Degraded, cause `partial_data`, saying why. Degraded and Down stand: what was seen happened.
 */
export function guardVerdict(verdict: Verdict, backend: BackendStatus): Verdict {
  if (verdict.verdict !== 'Operational') return verdict;
  const message = partialMessage(backend, formatUtcTime);
  if (message === null) return verdict;
  return {
    verdict: 'Degraded',
    cause: 'partial_data',
    reason: `The hub cannot be confirmed as working: ${message}.`,
  };
}
