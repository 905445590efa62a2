'use client';

import { useQueryState } from 'nuqs';
import type { FormEvent } from 'react';
import { RenderPanel } from '@/components/panels/render-panel';
import { StaleBanner } from '@/components/shell/stale-banner';
import { counterFamilyPattern, gaugePath, timerPath } from '@/lib/catalog';
import { MAX_TARGETS_PER_PANEL } from '@/lib/client/use-render';
import { useSelectedHub } from '@/lib/client/use-selected-hub';
import { useViewParams } from '@/lib/client/use-view-params';
import { targetsParser } from './search-params';

/** Longest target the form accepts; the proxy enforces its own limit and names it if exceeded. */
const MAX_TARGET_LENGTH = 1000;

function parseTargets(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line.length <= MAX_TARGET_LENGTH)
    .slice(0, MAX_TARGETS_PER_PANEL);
}

function examples(hub: string): string[] {
  return [
    gaugePath(hub, 'hub.up'),
    gaugePath(hub, 'servers.running'),
    `aliasByNode(${counterFamilyPattern(hub, 'requests.status')}, 6)`,
    timerPath(hub, 'spawns.duration', 'upper_90'),
  ];
}

/** Ops view: any Graphite targets, one per line, drawn with the shared range, zoom and legend. */
export function ExploreView() {
  const { params } = useViewParams();
  const { hub } = useSelectedHub();
  const [targets, setTargets] = useQueryState('target', targetsParser);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget).get('targets') ?? '');
    void setTargets(parseTargets(text));
  };

  return (
    <>
      <StaleBanner />
      <div className="view-header">
        <h1>Explore</h1>
        <p>Graphite targets, one per line (functions allowed). The range, zoom and refresh are shared with every view.</p>
      </div>
      {params.kiosk ? null : (
        <form className="explore-form" onSubmit={submit} key={targets.join('\n')}>
          <label htmlFor="explore-targets">Targets</label>
          <textarea
            id="explore-targets"
            name="targets"
            data-testid="explore-targets"
            defaultValue={targets.join('\n')}
            spellCheck={false}
            placeholder={hub ? examples(hub).join('\n') : gaugePath('default', 'hub.up')}
          />
          <p className="hint">
            Up to {MAX_TARGETS_PER_PANEL} targets. Example for hub {hub ?? 'default'}:{' '}
            <code>{gaugePath(hub ?? 'default', 'servers.running')}</code>
          </p>
          <div>
            <button type="submit" data-testid="explore-draw">
              Draw
            </button>
          </div>
        </form>
      )}
      {targets.length > 0 ? (
        <RenderPanel
          id="explore"
          title={targets.length === 1 ? (targets[0] ?? '') : `${targets.length} targets`}
          targets={targets}
          unit="none"
          height={360}
          emptyMessage="No data for these targets in this range. Check the path with Graphite's find (wildcards allowed) or widen the range."
        />
      ) : null}
    </>
  );
}
