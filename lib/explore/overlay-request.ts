import type { ValueUnit } from '@/lib/charts/format';
import type { ChartRequest } from './explore-link';

/** What the impact page's dashed line is: the same minutes one week earlier. */
export const LAST_WEEK_SHIFT = '7d';

export interface OverlayRequestInput {
  /** The Graphite target drawn around the deployment. */
  target: string;
  /** The deployment time (epoch seconds) and the half-width of the chart. */
  when: number;
  windowSeconds: number;
  unit: ValueUnit;
  hub: string;
}

/**
 * The impact overlay as one explore request: the deployment's window as an absolute range, and
 * last week's dashed line as `timeShift(target, '7d')`, which Graphite evaluates over the same
 * minutes a week earlier and moves onto this window: the numbers the page fetched with a second
 * render of the earlier range (its buckets are whole minutes, so a week's shift keeps them aligned).
 */
export function overlayRequest(input: OverlayRequestInput): ChartRequest {
  const { target, when, windowSeconds } = input;
  return {
    targets: [target, `timeShift(${target}, '${LAST_WEEK_SHIFT}')`],
    names: ['around the deployment', 'one week earlier'],
    from: String(when - windowSeconds),
    until: String(when + windowSeconds),
    kind: 'line',
    unit: input.unit,
    hub: input.hub,
  };
}
