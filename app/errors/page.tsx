import type { Metadata } from 'next';
import { parseViewParams } from '@/lib/client/view-params';
import { isErrorCategory } from '@/lib/status/error-targets';
import { loadPageStatus } from '@/lib/status/load-page-status';
import { ErrorsView } from './errors-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Student errors' };

type SearchParams = Record<string, string | string[] | undefined>;

/** `/errors`: what students ran into. Counts come from the server; the chart loads after. */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const params = parseViewParams(raw);
  const category = typeof raw.category === 'string' && isErrorCategory(raw.category) ? raw.category : null;
  return <ErrorsView data={await loadPageStatus(params)} category={category} />;
}
