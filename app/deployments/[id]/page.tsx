import type { Metadata } from 'next';
import { DEFAULT_WINDOW, parseImpactWindow } from '@/lib/impact/windows';
import { ImpactView } from './impact-view';

export const metadata: Metadata = { title: 'Deployment impact' };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/deployments/<id>?window=2h`: the URL is the state; a bad id or window is said on the page. */
export default async function DeploymentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const raw = typeof query.window === 'string' ? query.window : DEFAULT_WINDOW;
  let problem: string | null = null;
  try {
    parseImpactWindow(raw);
  } catch (error) {
    problem = error instanceof Error ? error.message : 'window: not a duration';
  }
  if (!/^[1-9]\d{0,15}$/.test(id)) problem = `id: "${id.slice(0, 20)}" is not a deployment id`;
  return <ImpactView id={problem ? null : Number(id)} window={raw} problem={problem} />;
}
