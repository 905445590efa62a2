'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { MeasuresTable } from '@/components/impact/measures-table';
import { OverlayChart } from '@/components/impact/overlay-chart';
import { VerdictBadge } from '@/components/impact/verdict-badge';
import type { ImpactResponse } from '@/lib/api/impact';
import { formatClock } from '@/lib/charts/format';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useImpact } from '@/lib/client/use-impact';
import { singleRender, useRender } from '@/lib/client/use-render';
import { useViewParams } from '@/lib/client/use-view-params';
import { overlayRequest } from '@/lib/explore/overlay-request';
import { overlayLines, overlayTargets, WAIT_TRANSFORM } from '@/lib/impact/overlay-targets';

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
    return (
      <p className="panel-message panel-message-error" role="alert">
        {problem}
      </p>
    );
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

/**
 * The header's hub is the deployment's: the URL's `hub` is set to it once the deployment is known
 * (so the hub selector and the navigation links follow); choosing another hub afterwards lists
 * that hub's deployments, since this page is about one hub's deployment.
 */
function useDeploymentHub(id: number, hub: string): void {
  const { search, update } = useViewParams();
  const router = useRouter();
  const synced = useRef<number | null>(null);
  // The committed URL (not the URL state's optimistic value): leaving the page before the hub
  // change has landed would be overtaken by that change's own navigation.
  const urlHub = new URLSearchParams(search).get('hub');
  useEffect(() => {
    if (synced.current !== id) {
      synced.current = id;
      if (urlHub !== hub) update({ hub }, 'replace');
      return;
    }
    if (urlHub !== null && urlHub !== hub) router.push(`/deployments?${new URLSearchParams({ hub: urlHub }).toString()}`);
  }, [id, hub, urlHub, update, router]);
}

function ImpactReport({ impact, window }: { impact: ImpactResponse; window: string }) {
  const d = impact.deployment;
  useDeploymentHub(d.id, d.hub);
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
          <a
            key={choice}
            href={`?${new URLSearchParams({ window: choice, hub: d.hub }).toString()}`}
            aria-current={choice === window ? 'true' : undefined}
          >
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
  const both = [targets.wait, targets.failures];
  const current = singleRender(useRender([{ targets: both, ...range }], refresh));
  const lastWeek = singleRender(useRender([{ targets: both, ...lastWeekRange }], 'off'));
  // Graphite leaves out a target with no data: each line is found by its name, never by position.
  const now = current.series ? overlayLines(current.series) : undefined;
  const before = lastWeek.series ? overlayLines(lastWeek.series) : undefined;
  const error = current.error ? plainErrorMessage(current.error) : null;
  const common = { when, lastWeekWhen: when - WEEK, windowSeconds: w, error };
  const request = (target: string, unit: 'ms' | 'count') => overlayRequest({ target, when, windowSeconds: w, unit, hub });
  return (
    <div className="panel-grid">
      <OverlayChart
        id="wait"
        title="Typical wait to start (median)"
        current={now?.wait}
        lastWeek={before?.wait}
        unit="ms"
        emptyMessage="No server starts in these windows."
        noDataMessage="No data: Graphite has no timed server starts of this hub in these windows."
        request={{ ...request(targets.wait, 'ms'), transform: WAIT_TRANSFORM }}
        {...common}
      />
      <OverlayChart
        id="failures"
        title="Failed server starts"
        current={now?.failures}
        lastWeek={before?.failures}
        unit="count"
        emptyMessage="No server starts in these windows."
        noDataMessage="No data: Graphite has no failed-start counts of this hub in these windows."
        request={request(targets.failures, 'count')}
        {...common}
      />
    </div>
  );
}
