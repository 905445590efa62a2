'use client';

import type { Axis, TargetLine as Line } from '@/lib/explore/explore-state';
import type { GraphiteFunction } from '@/lib/explore/graphite-functions';
import type { ParsedTarget } from '@/lib/explore/target-parse';
import styles from './explore.module.css';
import { TargetLine } from './target-line';

export interface TargetEditorProps {
  lines: readonly Line[];
  parsed: readonly ParsedTarget[];
  rejected: readonly (string | null)[];
  failed: readonly (string | null)[];
  colors: readonly string[];
  functions: readonly GraphiteFunction[];
  byName: ReadonlyMap<string, GraphiteFunction> | null;
  /** Why there is no function help, when the list could not be loaded. */
  functionsProblem: string | null;
  maxLines: number;
  onText: (index: number, text: string) => void;
  onLine: (index: number, change: Partial<Pick<Line, 'alias' | 'hidden' | 'axis' | 'transform'>>) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  onCommit: () => void;
}

/** The target lines: loaded after first paint (next/dynamic), since the page is usable without it. */
export function TargetEditor(props: TargetEditorProps) {
  const { lines } = props;
  return (
    <section className={styles.editor} aria-labelledby="targets-heading">
      <h2 id="targets-heading">Targets</h2>
      {props.functionsProblem ? (
        <p className={styles.note} data-testid="functions-problem">
          No function help: {props.functionsProblem}. Targets are still checked for brackets and quotes.
        </p>
      ) : null}
      <ol className={styles.lines}>
        {lines.map((line, i) => (
          <TargetLine
            // biome-ignore lint/suspicious/noArrayIndexKey: a line is its position (the URL numbers them)
            key={i}
            index={i}
            value={line.target}
            parsed={props.parsed[i] ?? { problems: [], calls: [] }}
            rejected={props.rejected[i] ?? null}
            failed={props.failed[i] ?? null}
            functions={props.functions}
            byName={props.byName}
            alias={line.alias}
            hidden={line.hidden}
            axis={line.axis}
            transform={line.transform}
            color={props.colors[i] ?? 'currentColor'}
            onChange={(text) => props.onText(i, text)}
            onCommit={props.onCommit}
            onAlias={(alias) => props.onLine(i, { alias })}
            onToggle={() => props.onLine(i, { hidden: !line.hidden })}
            onAxis={(axis: Axis) => props.onLine(i, { axis })}
            onTransform={(transform) => props.onLine(i, { transform })}
            onRemove={() => props.onRemove(i)}
          />
        ))}
      </ol>
      <div className={styles.editorButtons}>
        <button type="button" onClick={props.onAdd} disabled={lines.length >= props.maxLines}>
          Add target
        </button>
        <button type="button" onClick={props.onCommit} data-testid="explore-draw">
          Draw
        </button>
        <span className={styles.note}>Enter in a line draws; lines with a problem are not sent.</span>
      </div>
    </section>
  );
}
