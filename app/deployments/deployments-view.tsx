'use client';

import { VerdictBadge } from '@/components/impact/verdict-badge';
import { ScrollRegion } from '@/components/shell/scroll-region';
import type { Deployment } from '@/lib/api/deployments';
import { formatClock } from '@/lib/charts/format';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { DEPLOYMENT_LIST_REFRESH_MS, useDeployments } from '@/lib/client/use-deployments';
import { useImpact } from '@/lib/client/use-impact';
import { DEFAULT_WINDOW } from '@/lib/impact/windows';

export interface DeploymentsViewProps {
  hub: string | null;
  from: string;
  until: string;
}

/** Every deployment and restart in the range, newest first, each with its verdict. */
export function DeploymentsView(props: DeploymentsViewProps) {
  const { deployments, error, isLoading } = useDeployments(props, DEPLOYMENT_LIST_REFRESH_MS);
  return (
    <>
      <div className="view-header">
        <h1>Deployments{props.hub ? `: ${props.hub}` : ''}</h1>
        <p>
          Each verdict compares the {DEFAULT_WINDOW} after a deployment with the {DEFAULT_WINDOW} before and with the same time last week.
        </p>
      </div>
      {deployments === undefined ? (
        <p className="panel-message" role={error ? 'alert' : 'status'}>
          {isLoading || !error ? 'Loading…' : `Deployments cannot be listed: ${plainErrorMessage(error)}.`}
        </p>
      ) : deployments.length === 0 ? (
        <p className="panel-message" data-testid="no-deployments">
          No deployments recorded in this range. Record one from CI with `npm run deploy` or `POST /api/deployments`.
        </p>
      ) : (
        <ScrollRegion className="table-scroll" label="Deployments">
          <table className="deployments-table" data-testid="deployments-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Hub</th>
                <th scope="col">Title</th>
                <th scope="col">Version</th>
                <th scope="col">Source</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {deployments.map((d) => (
                <DeploymentListRow key={d.id} deployment={d} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

function DeploymentListRow({ deployment: d }: { deployment: Deployment }) {
  const judged = d.kind === 'deploy';
  // A restart is never judged, so its row asks for nothing.
  const { impact } = useImpact(judged ? d.id : null, DEFAULT_WINDOW);
  return (
    <tr data-testid="deployment-row" data-kind={d.kind} className={judged ? undefined : 'deployment-row-restart'}>
      <td>{formatClock(d.when, { withDate: true })}</td>
      <td>{d.hub}</td>
      <td>
        <a href={`/deployments/${d.id}?${new URLSearchParams({ hub: d.hub }).toString()}`}>
          {d.kind === 'restart' ? `Restart: ${d.what}` : d.what}
        </a>
      </td>
      <td>{d.version ?? '–'}</td>
      <td>{d.source}</td>
      <td>
        <VerdictBadge verdict={impact?.verdict ?? null} judged={judged} />
      </td>
    </tr>
  );
}
