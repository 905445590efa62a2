'use client';

import { MeasuresTable } from '@/components/impact/measures-table';
import { OverlayChart } from '@/components/impact/overlay-chart';
import { VerdictBadge } from '@/components/impact/verdict-badge';
import { formatClock } from '@/lib/charts/format';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useImpact } from '@/lib/client/use-impact';
import { useRender } from '@/lib/client/use-render';
import { overlayRequest } from '@/lib/explore/overlay-request';
import { overlayTargets } from '@/lib/impact/overlay-targets';
import type { ImpactResponse } from '@/lib/impact/schema';

const WINDOW_CHOICES = ['30min', '1h', '2h', '6h', '1d', '7d'] as const;
const WEEK = 7 * 86_400;

export interface ImpactViewProps {
  id: number | null;
  window: string;
  problem: string | null;
}

/** Did this deployment make things better or worse for students? Verdict, measures, overlay. */
export function ImpactView({ id, window, problem }: ImpactViewProps) {
  const { impact, error, isLoading } = useImpact(id, window);
  if (problem !== null || id === null) {
    return <p className="panel-message panel-message-error" role="alert">{problem}</p>;
  }
  if (!impact) {
    return (
      <p className="panel-message" role={error ? 'alert' : 'status'} data-testid="impact-message">
        {isLoading || !error ? 'Loading…' : `The impact cannot be shown: ${plainErrorMessage(error)}.`}
      </p>
    );
  }
  return <ImpactReport impact={impact} window={window} />;
}

function ImpactReport({ impact, window }: { impact: ImpactResponse; window: string }) {
  const d = impact.deployment;
  return (
    <>
      <div className="view-header">
        <h1 data-testid="impact-title">
          {d.kind === 'restart' ? 'Restart' : 'Deployment'}: {d.what}
        </h1>
        <p>
          {formatClock(d.when, { withDate: true })} on hub {d.hub}
          {d.version ? `, version ${d.version}` : ''}
          {d.commit ? `, commit ${d.commit}` : ''}
          {d.author ? `, by ${d.author}` : ''}
          {d.source === 'auto' ? ' (recorded automatically by the collector)' : ''}
          {d.link && /^https?:\/\//.test(d.link) ? (
            <>
              {' '}
              <a href={d.link} rel="noopener noreferrer nofollow">
                details
              </a>
            </>
          ) : null}
        </p>
      </div>
      <section className="impact-verdict" data-testid="impact-verdict" data-verdict={impact.judged ? impact.verdict : 'restart'}>
        <VerdictBadge verdict={impact.verdict} judged={impact.judged} />
        <p data-testid="impact-reason">{impact.reason}</p>
        {impact.partial ? (
          <p className="panel-badge" role="status" data-testid="impact-partial">
            The window after the deployment is still running: judged on what there is so far; this page refreshes.
          </p>
        ) : null}
      </section>
      <nav className="window-choices" aria-label="Window before and after">
        Compare {windowPhrase(impact.window.seconds)} before and after:{' '}
        {WINDOW_CHOICES.map((choice) => (
          <a key={choice} href={`?window=${choice}`} aria-current={choice === window ? 'true' : undefined}>
            {choice}
          </a>
        ))}
      </nav>
      <MeasuresTable impact={impact} />
      <Overlays impact={impact} />
    </>
  );
}

function windowPhrase(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  return `${Math.round(seconds / 60)} minutes`;
}

function Overlays({ impact }: { impact: ImpactResponse }) {
  const { when, hub } = impact.deployment;
  const w = impact.window.seconds;
  const targets = overlayTargets(hub, w);
  const range = { from: String(when - w), until: String(when + w) };
  const lastWeekRange = { from: String(when - WEEK - w), until: String(when - WEEK + w) };
  const refresh = impact.partial ? '30s' : 'off';
  const current = useRender({ targets: [targets.wait, targets.failures], ...range }, refresh);
  const lastWeek = useRender({ targets: [targets.wait, targets.failures], ...lastWeekRange }, 'off');
  const common = { when, lastWeekWhen: when - WEEK, windowSeconds: w, emptyMessage: 'No server starts in these windows.' };
  const request = (target: string, unit: 'ms' | 'count') => overlayRequest({ target, when, windowSeconds: w, unit, hub });
  return (
    <div className="panel-grid">
      <OverlayChart
        id="wait"
        title="Typical wait to start (median)"
        current={current.series?.[0]?.datapoints}
        lastWeek={lastWeek.series?.[0]?.datapoints}
        unit="ms"
        request={request(targets.wait, 'ms')}
        {...common}
      />
      <OverlayChart
        id="failures"
        title="Failed server starts"
        current={current.series?.[1]?.datapoints}
        lastWeek={lastWeek.series?.[1]?.datapoints}
        unit="count"
        request={request(targets.failures, 'count')}
        {...common}
      />
    </div>
  );
}
