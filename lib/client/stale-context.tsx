'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** A panel showing kept data after a failed refresh: why, and when its data was fetched. */
export interface StaleReport {
  message: string;
  fetchedAt: number | null;
}

interface StaleRegistry {
  reports: ReadonlyMap<string, StaleReport>;
  set: (id: string, report: StaleReport | null) => void;
}

const StaleContext = createContext<StaleRegistry | null>(null);

/** Collects stale panels so one banner per page can say "showing data from 10:42". */
export function StaleProvider({ children }: { children: ReactNode }) {
  const [reports, setReports] = useState<ReadonlyMap<string, StaleReport>>(new Map());
  const set = useCallback((id: string, report: StaleReport | null) => {
    setReports((prev) => {
      const current = prev.get(id);
      if (report === null ? !current : current?.message === report.message && current.fetchedAt === report.fetchedAt) {
        return prev;
      }
      const next = new Map(prev);
      if (report === null) next.delete(id);
      else next.set(id, report);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ reports, set }), [reports, set]);
  return <StaleContext.Provider value={value}>{children}</StaleContext.Provider>;
}

/** Panels call this with their state; null when fresh. Outside a provider it does nothing. */
export function useReportStale(id: string, report: StaleReport | null): void {
  const registry = useContext(StaleContext);
  const set = registry?.set;
  const message = report?.message ?? null;
  const fetchedAt = report?.fetchedAt ?? null;
  useEffect(() => {
    if (!set) return;
    set(id, message === null ? null : { message, fetchedAt });
    return () => set(id, null);
  }, [set, id, message, fetchedAt]);
}

export function useStaleReports(): StaleReport[] {
  const registry = useContext(StaleContext);
  return registry ? [...registry.reports.values()] : [];
}
