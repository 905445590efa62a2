import type { Metadata } from 'next';
import { parseViewParams } from '@/lib/shared/view-params';
import { loadPageStatus } from '@/lib/status/load-page-status';
import { StatusPage } from './status-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Hub status' };

/** `/`: the status page for instructors, computed and rendered on the server. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseViewParams(await searchParams);
  return <StatusPage params={params} data={await loadPageStatus(params)} />;
}
