'use client';

import dynamic from 'next/dynamic';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DrawnCsvLink } from '@/components/explore/drawn-csv-link';
import styles from '@/components/explore/explore.module.css';
import { ExploreChart } from '@/components/explore/explore-chart';
import { StaleBanner } from '@/components/shell/stale-banner';
import { DARK_PALETTE, LIGHT_PALETTE, seriesColor } from '@/lib/charts/palette';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useReportStale } from '@/lib/client/stale-context';
import { resolveRangeOrLastHour, zoomRange } from '@/lib/client/time-actions';
import { useColorScheme } from '@/lib/client/use-color-scheme';
import { useElementWidth } from '@/lib/client/use-element-width';
import { useFunctions } from '@/lib/client/use-functions';
import { useNowSeconds } from '@/lib/client/use-now';
import { perLineQueries, useRender } from '@/lib/client/use-render';
import { useViewParams } from '@/lib/client/use-view-params';
import { exportHref } from '@/lib/explore/explore-link';
import {
  type ExploreDisplay,
  type ExploreState,
  MAX_LINES,
  parseExploreState,
  renderTarget,
  seriesLabel,
  type TargetLine,
  writeExploreState,
} from '@/lib/explore/explore-state';
import { lineResults } from '@/lib/explore/line-results';
import { parseTarget } from '@/lib/explore/target-parse';
import { quantileTransform } from '@/lib/system/quantile-transforms';
import { isRelativeTime } from '@/lib/time-range';

// The editor (autocomplete, signature help) and the tree are not needed to read a chart: they
// load after first paint, so a shared link draws as fast as any other view.
const TargetEditor = dynamic(() => import('@/components/explore/target-editor').then((m) => m.TargetEditor), {
  ssr: false,
  loading: () => <p className={styles.note}>Loading the target editor…</p>,
});
const Sidebar = dynamic(() => import('./explore-sidebar').then((m) => m.ExploreSidebar), {
  ssr: false,
  loading: () => <p className={styles.note}>Loading the metric tree…</p>,
});
const DisplayOptions = dynamic(() => import('@/components/explore/display-options').then((m) => m.DisplayOptions), {
  ssr: false,
});

const EMPTY_LINE: TargetLine = { target: '', alias: '', hidden: false, axis: 'left' };

/** Ops view: find metrics in the tree, combine them with Graphite's functions, draw, export. */
export function ExploreView() {
  const { params, search, update } = useViewParams();
  const router = useRouter();
  const pathname = usePathname();
  const committed = useMemo(() => parseExploreState(search), [search]);
  const { functions, byName, error: functionsError } = useFunctions(!params.kiosk);

  // What is typed, line by line; the URL holds what was drawn. A new URL (Back, a tree click,
  // a link) replaces the typing with what it says.
  const committedKey = committed.lines.map((l) => l.target).join('\n');
  const [drafts, setDrafts] = useState<string[]>(() => committed.lines.map((l) => l.target));
  useEffect(() => {
    setDrafts(committedKey === '' ? [] : committedKey.split('\n'));
  }, [committedKey]);

  const commit = useCallback(
    (state: ExploreState) => {
      const qs = writeExploreState(search, state);
      router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname, search],
  );
  const editedLines = (): TargetLine[] =>
    drafts.map((target, i) => ({ ...(committed.lines[i] ?? EMPTY_LINE), target })).filter((l) => l.target.trim() !== '');
  const commitDrafts = () => commit({ ...committed, lines: editedLines() });
  const addTarget = (path: string) =>
    commit({ ...committed, lines: [...editedLines(), { ...EMPTY_LINE, target: path }].slice(0, MAX_LINES) });
  const changeLine = (index: number, change: Partial<TargetLine>) =>
    commit({ ...committed, lines: committed.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) });
  const removeLine = (index: number) => {
    if (index >= committed.lines.length) {
      setDrafts((d) => d.filter((_, i) => i !== index));
      return;
    }
    commit({ ...committed, lines: editedLines().filter((_, i) => i !== index) });
  };
  const changeDisplay = (change: Partial<ExploreDisplay>) => commit({ ...committed, display: { ...committed.display, ...change } });

  // The committed lines that are drawn: shown, and passing the check (nothing broken is sent).
  const checked = useMemo(() => committed.lines.map((l) => parseTarget(l.target, byName)), [committed.lines, byName]);
  const consolidateBy = committed.display.consolidateBy;
  const drawn = useMemo(
    () =>
      committed.lines
        .map((line, index) => ({ line, index }))
        .filter(({ line, index }) => !line.hidden && (checked[index]?.problems.length ?? 1) === 0),
    [committed.lines, checked],
  );
  const renderTargets = useMemo(() => drawn.map(({ line }) => renderTarget(line, consolidateBy)), [drawn, consolidateBy]);

  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const now = useNowSeconds();
  const everyPoint = useMemo(() => drawn.map(({ line }) => line.transform !== undefined), [drawn]);
  const transforms = useMemo(
    () => drawn.map(({ line }) => (line.transform ? quantileTransform(line.transform).transform : undefined)),
    [drawn],
  );
  const query =
    width !== null && renderTargets.length > 0
      ? { targets: renderTargets, from: params.from, until: params.until, maxDataPoints: width, everyPoint }
      : null;
  const data = useRender(perLineQueries(query), params.refresh);
  useReportStale('panel:explore', data.isStale ? { message: plainErrorMessage(data.error), fetchedAt: data.fetchedAt } : null);

  const scheme = useColorScheme();
  const palette = scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
  const results = useMemo(
    () =>
      lineResults(
        drawn.map((d) => d.index),
        data.outcomes,
        committed.lines.length,
        transforms,
      ),
    [drawn, data.outcomes, committed.lines.length, transforms],
  );
  const names = useMemo(
    () =>
      results.series.map((s, i) => seriesLabel(s.target, committed.lines[results.lineOfSeries[i] ?? -1], committed.display.consolidateBy)),
    [results.series, results.lineOfSeries, committed.lines, committed.display.consolidateBy],
  );
  const axes = useMemo(() => results.lineOfSeries.map((i) => committed.lines[i]?.axis ?? 'left'), [results.lineOfSeries, committed.lines]);
  const colors = committed.lines.map((_, i) => seriesColor(palette, results.firstSeries[i] ?? i));

  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const range = useMemo(() => resolveRangeOrLastHour(params, now), [params, now]);

  const parsedDrafts = drafts.map((text) => (text.trim() === '' ? { problems: [], calls: [] } : parseTarget(text, byName)));
  const editorLines = drafts.map((target, i) => ({ ...(committed.lines[i] ?? EMPTY_LINE), target }));
  const exportable = renderTargets.length > 0 ? { targets: renderTargets, from: params.from, until: params.until } : null;
  const anyRejected = results.rejected.some((r) => r !== null);
  const anyDerived = drawn.some(({ line }) => line.transform !== undefined);

  return (
    <>
      <StaleBanner />
      <div className="view-header">
        <h1>Explore</h1>
        <p>Find a metric in the tree or with a pattern, combine it with Graphite&apos;s functions, draw it, take the numbers with you.</p>
      </div>
      <div className={params.kiosk ? undefined : styles.layout}>
        {params.kiosk ? null : (
          <aside className={styles.sidebar} aria-label="Metric finder">
            <Sidebar onAdd={addTarget} />
          </aside>
        )}
        <div className={styles.main}>
          {params.kiosk ? null : (
            <TargetEditor
              lines={editorLines}
              parsed={parsedDrafts}
              rejected={results.rejected}
              failed={results.failed}
              colors={colors}
              functions={functions}
              byName={byName}
              functionsProblem={functionsError ? plainErrorMessage(functionsError) : null}
              maxLines={MAX_LINES}
              onText={(i, text) => setDrafts((d) => d.map((t, j) => (j === i ? text : t)))}
              onLine={changeLine}
              onRemove={removeLine}
              onAdd={() => setDrafts((d) => (d.length < MAX_LINES ? [...d, ''] : d))}
              onCommit={commitDrafts}
            />
          )}
          {params.kiosk ? null : (
            <DisplayOptions
              display={committed.display}
              hasRightAxis={committed.lines.some((l) => l.axis === 'right')}
              onChange={changeDisplay}
            />
          )}
          {params.kiosk || exportable === null ? null : (
            <p className={styles.exports}>
              Export the drawn lines (every stored point in the range):{' '}
              <a href={exportHref(exportable, 'csv')} download data-testid="explore-export-csv">
                CSV
              </a>{' '}
              <a href={exportHref(exportable, 'json')} download data-testid="explore-export-json">
                JSON
              </a>
              {anyDerived ? (
                <>
                  {' '}
                  (lines drawn as quantiles export their histogram bins; the quantiles as drawn:{' '}
                  <DrawnCsvLink series={results.series} names={names} range={range} />)
                </>
              ) : null}
            </p>
          )}
          <div ref={boxRef}>
            {committed.lines.length > 0 ? (
              <ExploreChart
                series={data.outcomes === undefined ? (renderTargets.length === 0 ? [] : undefined) : results.series}
                names={names}
                axes={axes}
                display={committed.display}
                palette={palette}
                range={range}
                live={isRelativeTime(params.until)}
                nowSeconds={now}
                isLoading={data.isLoading || (query === null && renderTargets.length > 0)}
                error={data.error}
                isStale={data.isStale}
                fetchedAt={data.fetchedAt}
                requests={data.requests}
                origin={origin}
                emptyMessage={
                  anyRejected
                    ? 'Graphite rejected a target: its reason is under the line.'
                    : renderTargets.length === 0
                      ? 'Nothing to draw: every line is hidden or has a problem (see the lines above).'
                      : 'No data for these targets in this range. Check the path in the tree (or search with a pattern) or widen the range.'
                }
                onZoom={(from, until) => update(zoomRange(from, until))}
                height={360}
              />
            ) : (
              <p className={styles.note}>No targets yet: pick a metric in the tree, search for one, or type a target.</p>
            )}
          </div>
        </div>
      </div>
    </>
  );
}
