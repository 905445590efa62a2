'use client';

import { type FormEvent, useRef, useState } from 'react';
import { fromDatetimeLocal, toDatetimeLocal } from '@/lib/client/datetime-local';
import { describeRange, QUICK_RANGES, resolveRange, shiftRange } from '@/lib/client/time-actions';
import { useViewParams } from '@/lib/client/use-view-params';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Quick ranges, an absolute from/until form, and shift back/forward by half the range. */
export function TimePicker() {
  const { params, update } = useViewParams();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const range = { from: params.from, until: params.until };
  const close = () => detailsRef.current?.removeAttribute('open');

  const shift = (direction: -1 | 1) => update(shiftRange(range, direction, nowSeconds()));

  const applyAbsolute = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = fromDatetimeLocal(String(data.get('from') ?? ''));
    const until = fromDatetimeLocal(String(data.get('until') ?? ''));
    if (from === null || until === null) return setFormError('Enter both dates and times.');
    if (from >= until) return setFormError('"From" must be before "until".');
    setFormError(null);
    update({ from: String(from), until: String(until) });
    close();
  };

  // Pre-fill the form with what the current range means now (read when the menu opens).
  const resolved = (() => {
    try {
      return resolveRange(range, nowSeconds());
    } catch {
      return null;
    }
  })();

  return (
    <div className="control time-picker">
      <button type="button" aria-label="Earlier (shift back by half the range)" data-testid="shift-back" onClick={() => shift(-1)}>
        ◀
      </button>
      <details ref={detailsRef} className="time-picker-menu">
        <summary data-testid="time-range-label" suppressHydrationWarning>
          {describeRange(range, nowSeconds())}
        </summary>
        <div className="time-picker-panel">
          <ul className="quick-ranges" aria-label="Quick ranges">
            {QUICK_RANGES.map((q) => (
              <li key={q.from}>
                <button
                  type="button"
                  aria-pressed={params.from === q.from && params.until === 'now'}
                  onClick={() => {
                    update({ from: q.from, until: 'now' });
                    close();
                  }}
                >
                  {q.label}
                </button>
              </li>
            ))}
          </ul>
          <form className="absolute-range" onSubmit={applyAbsolute} key={`${params.from}|${params.until}`}>
            <label>
              <span>From</span>
              <input
                type="datetime-local"
                name="from"
                data-testid="range-from"
                defaultValue={resolved ? toDatetimeLocal(resolved.from) : ''}
                suppressHydrationWarning
              />
            </label>
            <label>
              <span>Until</span>
              <input
                type="datetime-local"
                name="until"
                data-testid="range-until"
                defaultValue={resolved ? toDatetimeLocal(resolved.until) : ''}
                suppressHydrationWarning
              />
            </label>
            <button type="submit">Apply range</button>
            {formError ? <p role="alert">{formError}</p> : null}
          </form>
        </div>
      </details>
      <button type="button" aria-label="Later (shift forward by half the range)" data-testid="shift-forward" onClick={() => shift(1)}>
        ▶
      </button>
    </div>
  );
}
