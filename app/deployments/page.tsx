import type { Metadata } from 'next';
import { DeploymentsView } from './deployments-view';

export const metadata: Metadata = { title: 'Deployments' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The list's own default range is a month: deployments are rare, unlike the metric views' hour. */
const DEPLOYMENTS_DEFAULT_FROM = '-30d';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DeploymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  return (
    <DeploymentsView
      hub={first(query.hub) ?? null}
      from={first(query.from) ?? DEPLOYMENTS_DEFAULT_FROM}
      until={first(query.until) ?? 'now'}
    />
  );
}
