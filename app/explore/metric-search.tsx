'use client';

import { type KeyboardEvent, useEffect, useState } from 'react';
import styles from '@/components/explore/explore.module.css';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useFind } from '@/lib/client/use-find';

/** Results listed at most: a pattern over 200 hubs can match thousands of metrics. */
export const MAX_RESULTS_SHOWN = 200;
const DEBOUNCE_MS = 300;

/**
 * The find queries for a search: the pattern as typed from the root, and under one or two leading
 * levels, so `jupyterhub.*.spawns.*` also finds `stats.counters.jupyterhub.<hub>.spawns.*`.
 */
export function searchQueries(pattern: string): string[] {
  const p = pattern.trim().replace(/^\.+|\.+$/g, '');
  if (p === '') return [];
  return [p, `*.${p}`, `*.*.${p}`];
}

/** Glob search over the metric tree, as a combobox with a listbox of matches; Enter adds a metric. */
export function MetricSearch({ onAdd }: { onAdd: (path: string) => void }) {
  const [text, setText] = useState('');
  const [pattern, setPattern] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => {
    const id = setTimeout(() => setPattern(text), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [text]);
  const { nodes, error, isLoading } = useFind(searchQueries(pattern));
  const results = pattern.trim() === '' ? [] : (nodes ?? []);
  const shown = results.slice(0, MAX_RESULTS_SHOWN);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const choose = (index: number) => {
    const node = shown[index];
    if (!node) return;
    if (node.leaf) onAdd(node.path);
    else {
      setText(`${node.path}.*`);
      setPattern(`${node.path}.*`);
      setActive(0);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (shown.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(current);
    }
  };

  return (
    <div className={styles.search}>
      <label htmlFor="metric-search">Search metrics</label>
      <input
        id="metric-search"
        type="search"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls="metric-search-results"
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? `metric-result-${current}` : undefined}
        aria-describedby="metric-search-count"
        placeholder="jupyterhub.*.spawns.*"
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="metric-search-count" className={styles.note} aria-live="polite">
        {pattern.trim() === ''
          ? 'Globs: * ? [ab] {a,b}. The pattern is tried from the root and one or two levels down.'
          : nodes === undefined
            ? isLoading
              ? 'Searching…'
              : `Cannot search: ${plainErrorMessage(error)}`
            : `${results.length} match${results.length === 1 ? '' : 'es'}${results.length > shown.length ? `, the first ${shown.length} shown` : ''}`}
      </p>
      {shown.length > 0 ? (
        <div id="metric-search-results" role="listbox" aria-label="Matching metrics" className={styles.results}>
          {shown.map((node, i) => (
            <div
              key={node.path}
              id={`metric-result-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === current}
              data-leaf={node.leaf ? 'true' : 'false'}
              onMouseDown={(e) => {
                e.preventDefault();
                setActive(i);
                choose(i);
              }}
            >
              {node.path}
              {node.leaf ? '' : '.*'}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
