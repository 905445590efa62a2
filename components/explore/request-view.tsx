import { renderRequest } from '@/lib/client/render-request';
import styles from './explore.module.css';

export interface RequestViewProps {
  /** The render requests the chart made, one per drawn line. */
  requests: readonly string[];
  origin: string;
}

/** The exact render requests behind the chart, as links anyone can open or curl. */
export function RequestView({ requests, origin }: RequestViewProps) {
  if (requests.length === 0) return <p className={styles.note}>Nothing is drawn, so nothing was requested.</p>;
  return (
    <div className={styles.requests}>
      <p className={styles.note}>
        One render request per drawn line (each through the dashboard's render cache), exactly as the chart sent it:
      </p>
      <ol>
        {requests.map((url, i) => {
          const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
          // A long request travels as a POST with these parameters as its form body.
          const sent = renderRequest(url);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: requests are positional
            <li key={i} data-testid="render-request">
              <code className={styles.url}>
                {sent.init.method} {origin}
                {sent.init.method === 'POST' ? `${sent.url} (form body below)` : url}
              </code>
              <dl className={styles.params}>
                {[...params.entries()].map(([name, value], j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a param may repeat
                  <div key={j}>
                    <dt>{name}</dt>
                    <dd>
                      <code>{value}</code>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
