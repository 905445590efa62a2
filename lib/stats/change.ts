export interface Change {
  current: number;
  previous: number;
  /** current - previous */
  delta: number;
  /** Relative change in percent; null when the previous range had nothing to compare with. */
  percent: number | null;
}

/** Change vs the previous range of the same length. */
export function changeVsPrevious(current: number, previous: number): Change {
  return {
    current,
    previous,
    delta: current - previous,
    percent: previous === 0 ? null : ((current - previous) / previous) * 100,
  };
}
