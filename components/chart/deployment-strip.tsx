import { type DeploymentMark, impactHref } from '@/lib/charts/deployment-marks';
import { formatClock } from '@/lib/charts/format';

/**
 * The deployments a chart marks, as links to their impact pages: the text side of the vertical
 * lines (titles come from users and are rendered by React, so always as text).
 */
export function DeploymentStrip({ marks }: { marks: readonly DeploymentMark[] }) {
  if (marks.length === 0) return null;
  return (
    <ul className="deployment-strip" aria-label="Deployments in this range">
      {marks.map((m) => (
        <li key={m.id} className={m.kind === 'restart' ? 'deployment-strip-restart' : undefined}>
          <a href={impactHref(m.id)} data-testid="deployment-marker" title={m.link ?? undefined}>
            <span aria-hidden="true">{m.kind === 'restart' ? '↻' : '▲'}</span> {formatClock(m.when)}{' '}
            {m.kind === 'restart' ? 'restart' : m.what}
            {m.version ? ` (${m.version})` : ''}
          </a>
        </li>
      ))}
    </ul>
  );
}
