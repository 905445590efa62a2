import type { Metadata } from 'next';
import { ExploreView } from './explore-view';

export const metadata: Metadata = { title: 'Explore' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Rendered per request (reads the URL) so the header and kiosk mode arrive in the first HTML. */
export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  await searchParams;
  return <ExploreView />;
}
