'use client';

import { useSelectedHub } from '@/lib/client/use-selected-hub';
import { useViewParams } from '@/lib/client/use-view-params';

/** Shown only when more than one hub reports; with one, that hub is simply used. */
export function HubSelect() {
  const { update } = useViewParams();
  const { hub, hubs } = useSelectedHub();
  if (hubs.length < 2) return null;
  return (
    <label className="control">
      <span>Hub</span>
      <select data-testid="hub-select" value={hub ?? ''} onChange={(e) => update({ hub: e.currentTarget.value })}>
        {hubs.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
