import type { Metadata } from 'next';
import { createLoader } from 'nuqs/server';
import { parseViewParams } from '@/lib/shared/view-params';
import { loadPageStatus } from '@/lib/status/load-page-status';
import { ErrorsView } from './errors-view';
import { categoryParser } from './search-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Student errors' };

type SearchParams = Record<string, string | string[] | undefined>;

const loadCategory = createLoader({ category: categoryParser });

/** `/errors`: what students ran into. Counts come from the server; the chart loads after. */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const params = parseViewParams(raw);
  const { category } = loadCategory(raw);
  return <ErrorsView data={await loadPageStatus(params)} category={category} />;
}
