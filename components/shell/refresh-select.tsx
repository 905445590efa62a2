'use client';

import { useViewParams } from '@/lib/client/use-view-params';
import { REFRESH_OPTIONS, type RefreshOption } from '@/lib/shared/view-params';

const LABELS: Record<RefreshOption, string> = { off: 'Off', '10s': '10 s', '30s': '30 s', '1m': '1 min', '5m': '5 min' };

export function RefreshSelect() {
  const { params, update } = useViewParams();
  return (
    <label className="control">
      <span>Auto-refresh</span>
      <select
        data-testid="refresh-select"
        value={params.refresh}
        onChange={(e) => update({ refresh: REFRESH_OPTIONS.find((o) => o === e.currentTarget.value) ?? null }, 'replace')}
      >
        {REFRESH_OPTIONS.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
