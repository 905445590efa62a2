'use client';

import { useState } from 'react';
import { useSelectedHub } from '@/lib/client/use-selected-hub';
import { useViewParams } from '@/lib/client/use-view-params';

/** Above this many hubs a search box narrows the list (a university can run 200). */
export const HUB_SEARCH_FROM = 10;

/** The hubs whose name contains `query` (any case); the current one always stays listed. */
export function matchingHubs(hubs: readonly string[], query: string, current: string | null): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...hubs];
  return hubs.filter((name) => name === current || name.toLowerCase().includes(q));
}

/** Shown only when more than one hub reports; with one, that hub is simply used. */
export function HubSelect() {
  const { update } = useViewParams();
  const { hub, hubs } = useSelectedHub();
  const [query, setQuery] = useState('');
  if (hubs.length < 2) return null;
  const shown = matchingHubs(hubs, query, hub);
  const first = shown.find((name) => name !== hub) ?? shown[0];
  return (
    <>
      {hubs.length > HUB_SEARCH_FROM ? (
        <label className="control">
          <span>Find hub</span>
          <input
            type="search"
            data-testid="hub-search"
            placeholder={`${hubs.length} hubs`}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter opens the first match, so a hub is three keystrokes away however many there are.
              if (e.key === 'Enter' && first !== undefined && query.trim() !== '') {
                update({ hub: first });
                setQuery('');
              }
            }}
          />
        </label>
      ) : null}
      <label className="control">
        <span>Hub</span>
        <select data-testid="hub-select" value={hub ?? ''} onChange={(e) => update({ hub: e.currentTarget.value })}>
          {shown.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
