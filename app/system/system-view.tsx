'use client';

import { useMemo } from 'react';
import { RenderPanel } from '@/components/panels/render-panel';
import { StaleBanner } from '@/components/shell/stale-banner';
import { resolveRange } from '@/lib/client/time-actions';
import { useSelectedHub } from '@/lib/client/use-selected-hub';
import { useViewParams } from '@/lib/client/use-view-params';
import { systemPanels } from '@/lib/system/system-panels';

/** Range width in whole minutes: stable across clock ticks, so panels are not rebuilt every render. */
function rangeMinutes(from: string, until: string): number {
  try {
    const r = resolveRange({ from, until }, Math.floor(Date.now() / 1000));
    return Math.max(1, Math.round((r.until - r.from) / 60));
  } catch {
    return 60;
  }
}

/** The state of the hub: health, load, spawn and request latency, and the hub's own histograms. */
export function SystemView() {
  const { params } = useViewParams();
  const { hub, isLoading, error } = useSelectedHub();
  const minutes = rangeMinutes(params.from, params.until);
  const panels = useMemo(() => (hub ? systemPanels(hub, minutes * 60) : []), [hub, minutes]);

  return (
    <>
      <StaleBanner />
      <div className="view-header">
        <h1>System{hub ? `: ${hub}` : ''}</h1>
        <p>Drag across a chart to zoom into that time.</p>
      </div>
      {hub === null ? (
        <p className="panel-message" role="status" data-testid="no-hub">
          {isLoading
            ? 'Looking for hubs…'
            : error
              ? 'Cannot list hubs: the metrics backend is unreachable.'
              : 'No hub has reported yet. Start the collector; hubs appear here within a minute of their first metrics.'}
        </p>
      ) : (
        <div className="panel-grid">
          {panels.map((p) => (
            <RenderPanel key={`${hub}:${p.id}`} {...p} />
          ))}
        </div>
      )}
    </>
  );
}
