import type { MeasureVerdict } from '@/lib/impact/verdicts';

const LABELS: Record<MeasureVerdict, string> = {
  worse: 'Worse',
  better: 'Better',
  no_change: 'No change',
  not_enough_data: 'Not enough data yet',
};

/** A deployment's (or a measure's) verdict as a coloured word; a restart is never judged. */
export function VerdictBadge({ verdict, judged = true }: { verdict: MeasureVerdict | null; judged?: boolean }) {
  if (!judged) {
    return (
      <span className="verdict-badge verdict-badge-restart" data-verdict="restart">
        Restart, not judged
      </span>
    );
  }
  if (verdict === null) {
    return (
      <span className="verdict-badge" data-verdict="pending">
        …
      </span>
    );
  }
  return (
    <span className={`verdict-badge verdict-badge-${verdict}`} data-verdict={verdict}>
      {LABELS[verdict]}
    </span>
  );
}
