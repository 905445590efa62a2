'use client';

import { type KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Axis } from '@/lib/explore/explore-state';
import { type GraphiteFunction, paramAt, summaryOf } from '@/lib/explore/graphite-functions';
import { acceptFunction, callAtCursor, type ParsedTarget, suggestFunctions, wordAtCursor } from '@/lib/explore/target-parse';
import { isQuantileTransformName, QUANTILE_TRANSFORMS, type QuantileTransformName } from '@/lib/system/quantile-transforms';
import styles from './explore.module.css';

export interface TargetLineProps {
  index: number;
  value: string;
  parsed: ParsedTarget;
  /** Graphite's own reason when it rejected this line. */
  rejected: string | null;
  /** Graphite failed on this line (5xx) while answering the others. */
  failed: string | null;
  functions: readonly GraphiteFunction[];
  byName: ReadonlyMap<string, GraphiteFunction> | null;
  alias: string;
  hidden: boolean;
  axis: Axis;
  transform: QuantileTransformName | undefined;
  color: string;
  onChange: (text: string) => void;
  /** Enter: draw what is typed. */
  onCommit: () => void;
  onAlias: (alias: string) => void;
  onToggle: () => void;
  onAxis: (axis: Axis) => void;
  onTransform: (transform: QuantileTransformName | undefined) => void;
  onRemove: () => void;
}

function Signature({ fn, argIndex }: { fn: GraphiteFunction; argIndex: number | null }) {
  const current = argIndex === null ? undefined : paramAt(fn, argIndex);
  return (
    <>
      <code>
        {fn.name}(
        {fn.params.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional
          <span key={i}>
            {i > 0 ? ', ' : ''}
            {p === current ? <strong>{label(p)}</strong> : label(p)}
          </span>
        ))}
        )
      </code>
      {current ? (
        <span className={styles.paramHelp}>
          {' '}
          {current.name}: {current.type}
          {current.required ? ', required' : ''}
          {current.default !== undefined ? `, default ${current.default}` : ''}
          {current.options ? `; one of ${current.options.join(', ')}` : ''}
          {current.suggestions ? `; e.g. ${current.suggestions.join(', ')}` : ''}
        </span>
      ) : null}
      <span className={styles.summary}>{summaryOf(fn)}</span>
    </>
  );
}

function label(p: GraphiteFunction['params'][number]): string {
  const name = p.multiple ? `*${p.name}` : p.name;
  return p.required ? name : `${name}=${p.default ?? 'None'}`;
}

/** One target: its text with function autocomplete and signature help, its check, and its controls. */
export function TargetLine(props: TargetLineProps) {
  const { index, value, parsed, functions, byName } = props;
  const n = index + 1;
  const inputRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);

  const word = cursor === null ? null : wordAtCursor(value, cursor);
  const suggestions = useMemo(() => (open && word ? suggestFunctions(functions, word.prefix) : []), [open, word?.prefix, functions, word]);
  const showList = suggestions.length > 0;
  const activeFn = showList ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;
  const at = cursor === null ? null : callAtCursor(parsed, cursor);
  const helpFn = activeFn ?? (at ? byName?.get(at.call.name) : undefined);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !inputRef.current) return;
    inputRef.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    setCursor(pendingCaret.current);
    pendingCaret.current = null;
  });

  const accept = (fn: GraphiteFunction) => {
    if (!word || cursor === null) return;
    const next = acceptFunction(value, word.from, cursor, fn.name);
    pendingCaret.current = next.cursor;
    props.onChange(next.text);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (showList && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
      return;
    }
    if (showList && activeFn && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      accept(activeFn);
      return;
    }
    if (e.key === 'Escape' && showList) {
      e.preventDefault();
      setOpen(false);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      props.onCommit();
    }
  };

  const listId = `target-${n}-functions`;
  const problemsId = `target-${n}-problems`;
  const helpId = `target-${n}-help`;
  const invalid = parsed.problems.length > 0 || props.rejected !== null || props.failed !== null;
  const track = (el: HTMLInputElement) => setCursor(el.selectionStart);

  return (
    <li className={styles.line} data-testid={`target-line-${n}`} data-hidden={props.hidden ? 'true' : 'false'}>
      <div className={styles.lineRow}>
        <span className={styles.swatch} style={{ background: props.color }} aria-hidden="true" />
        <label className={styles.visuallyHidden} htmlFor={`target-${n}`}>
          Target {n}
        </label>
        <div className={styles.combo}>
          <input
            ref={inputRef}
            id={`target-${n}`}
            data-testid={`target-input-${n}`}
            className={styles.targetInput}
            value={value}
            spellCheck={false}
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
            aria-invalid={invalid}
            aria-describedby={`${problemsId} ${helpId}`}
            placeholder="a metric path or a function, e.g. sumSeries(stats.counters.jupyterhub.*.spawns.success.count)"
            onChange={(e) => {
              props.onChange(e.currentTarget.value);
              track(e.currentTarget);
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onKeyUp={(e) => track(e.currentTarget)}
            onClick={(e) => track(e.currentTarget)}
            onBlur={() => setOpen(false)}
          />
          {showList ? (
            <div id={listId} role="listbox" aria-label="Graphite functions" className={styles.suggestions}>
              {suggestions.map((fn, i) => (
                <div
                  key={fn.name}
                  id={`${listId}-${i}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === Math.min(active, suggestions.length - 1)}
                  onMouseDown={(e) => {
                    e.preventDefault(); // keep the focus (and the caret) in the input
                    accept(fn);
                  }}
                >
                  <span>{fn.name}</span> <span className={styles.group}>{fn.group}</span>
                </div>
              ))}
            </div>
          ) : null}
        </div>
        <label className={styles.small}>
          <input type="checkbox" checked={!props.hidden} onChange={props.onToggle} /> show
        </label>
        <input
          className={styles.aliasInput}
          aria-label={`Alias of target ${n}`}
          placeholder="alias"
          defaultValue={props.alias}
          key={props.alias}
          onBlur={(e) => {
            if (e.currentTarget.value !== props.alias) props.onAlias(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onAlias(e.currentTarget.value);
          }}
        />
        <select
          aria-label={`Axis of target ${n}`}
          value={props.axis}
          onChange={(e) => props.onAxis(e.currentTarget.value === 'right' ? 'right' : 'left')}
        >
          <option value="left">left axis</option>
          <option value="right">right axis</option>
        </select>
        <select
          aria-label={`Draw target ${n} as`}
          data-testid={`target-transform-${n}`}
          value={props.transform ?? ''}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            props.onTransform(isQuantileTransformName(raw) ? raw : undefined);
          }}
        >
          <option value="">as Graphite returns it</option>
          {QUANTILE_TRANSFORMS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={props.onRemove} aria-label={`Remove target ${n}`}>
          ✕
        </button>
      </div>
      <div id={helpId} className={styles.help} data-testid={`target-help-${n}`}>
        {helpFn ? <Signature fn={helpFn} argIndex={activeFn ? null : (at?.argIndex ?? null)} /> : null}
      </div>
      {props.transform ? (
        <p className={styles.note} data-testid={`target-derived-${n}`}>
          Drawn as {QUANTILE_TRANSFORMS.find((t) => t.value === props.transform)?.label}: computed in the browser from the histogram series
          this target returns, with the code /system uses, every stored point (no per-pixel averaging). The request tab and the export have
          those histogram series.
        </p>
      ) : null}
      <ul id={problemsId} className={styles.problems}>
        {parsed.problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
          <li key={i} data-testid="target-problem">
            {p.message}
          </li>
        ))}
        {props.rejected !== null ? <li data-testid="target-rejected">Graphite rejected this target: {props.rejected}</li> : null}
        {props.failed !== null ? <li data-testid="target-failed">Graphite failed on this target ({props.failed})</li> : null}
      </ul>
    </li>
  );
}
