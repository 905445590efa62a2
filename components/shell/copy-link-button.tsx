'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { lockRange } from '@/lib/client/time-actions';
import { useViewParams } from '@/lib/client/use-view-params';
import { withViewParams } from '@/lib/shared/view-params';

/**
 * Copies a link that shows the same window tomorrow: a relative range is locked to absolute
 * epoch seconds. The link is also shown, for browsers that refuse clipboard access (plain http).
 */
export function CopyLinkButton() {
  const { params, search } = useViewParams();
  const pathname = usePathname();
  const [copied, setCopied] = useState<{ link: string; ok: boolean } | null>(null);

  const copy = async () => {
    const locked = lockRange(params, Math.floor(Date.now() / 1000));
    const link = `${window.location.origin}${pathname}?${withViewParams(search, { ...locked, refresh: null })}`;
    let ok = false;
    try {
      await navigator.clipboard.writeText(link);
      ok = true;
    } catch {
      ok = false;
    }
    setCopied({ link, ok });
  };

  return (
    <div className="control copy-link">
      <button type="button" data-testid="copy-link" onClick={copy}>
        Copy link
      </button>
      {copied ? (
        <output data-testid="copied-link" data-link={copied.link}>
          {copied.ok ? 'Copied: ' : 'Copy this link: '}
          <input readOnly value={copied.link} aria-label="Link to this view" onFocus={(e) => e.currentTarget.select()} />
        </output>
      ) : null}
    </div>
  );
}
