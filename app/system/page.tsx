import type { Metadata } from 'next';
import { SystemView } from './system-view';

export const metadata: Metadata = { title: 'System' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Rendered per request (reads the URL) so the header and kiosk mode arrive in the first HTML. */
export default async function SystemPage({ searchParams }: { searchParams: SearchParams }) {
  await searchParams;
  return <SystemView />;
}
