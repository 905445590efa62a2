'use client';

import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import styles from '@/components/explore/explore.module.css';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useFind } from '@/lib/client/use-find';
import type { FindNode } from '@/lib/explore/series';

/** A level with more children than this shows the first ones and points to the search (200 hubs × keys). */
export const MAX_CHILDREN_SHOWN = 300;

interface TreeContext {
  expanded: ReadonlySet<string>;
  active: string | null;
  toggle: (path: string) => void;
  focus: (path: string) => void;
  onAdd: (path: string) => void;
  /** → was pressed on this open branch before its children arrived: focus the first one then. */
  enterWhenLoaded: string | null;
  entered: () => void;
}

function Level({ parent, level, ctx }: { parent: string | null; level: number; ctx: TreeContext }) {
  const { nodes, error, isLoading } = useFind([parent === null ? '*' : `${parent}.*`]);
  const firstChild = nodes?.[0]?.path;
  const { enterWhenLoaded, entered, focus } = ctx;
  useEffect(() => {
    if (parent === null || enterWhenLoaded !== parent || firstChild === undefined) return;
    entered();
    focus(firstChild);
  }, [parent, enterWhenLoaded, firstChild, entered, focus]);
  if (nodes === undefined) {
    return <div className={styles.treeNote}>{isLoading ? 'Loading…' : `Cannot list: ${plainErrorMessage(error)}`}</div>;
  }
  if (nodes.length === 0) return <div className={styles.treeNote}>(empty)</div>;
  const shown = nodes.slice(0, MAX_CHILDREN_SHOWN);
  return (
    <>
      {shown.map((node, i) => (
        <Item key={node.path} node={node} level={level} position={i + 1} size={nodes.length} ctx={ctx} />
      ))}
      {nodes.length > shown.length ? (
        <div className={styles.treeNote}>{nodes.length - shown.length} more: search for them with a pattern.</div>
      ) : null}
    </>
  );
}

function Item({ node, level, position, size, ctx }: { node: FindNode; level: number; position: number; size: number; ctx: TreeContext }) {
  const open = !node.leaf && ctx.expanded.has(node.path);
  const first = ctx.active === null && level === 1 && position === 1;
  return (
    // Keys are handled once, on the tree (roving focus over every visible item).
    // biome-ignore lint/a11y/useKeyWithClickEvents: the tree's onKeyDown handles Enter, Space and the arrows
    <div
      role="treeitem"
      aria-level={level}
      aria-setsize={size}
      aria-posinset={position}
      aria-expanded={node.leaf ? undefined : open}
      aria-selected={ctx.active === node.path}
      tabIndex={ctx.active === node.path || first ? 0 : -1}
      data-path={node.path}
      data-leaf={node.leaf ? 'true' : 'false'}
      className={styles.treeItem}
      onClick={(e) => {
        e.stopPropagation();
        ctx.focus(node.path);
        if (node.leaf) ctx.onAdd(node.path);
        else ctx.toggle(node.path);
      }}
    >
      <span className={styles.treeLabel}>
        <span aria-hidden="true" className={styles.treeMark}>
          {node.leaf ? '•' : open ? '▾' : '▸'}
        </span>
        {node.name}
        {node.leaf ? <span className={styles.visuallyHidden}> (metric)</span> : null}
      </span>
      {open ? (
        // biome-ignore lint/a11y/useSemanticElements: an ARIA tree's group is not a fieldset
        <div role="group" className={styles.treeGroup}>
          <Level parent={node.path} level={level + 1} ctx={ctx} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * Graphite's metric tree, one level per find (cached on the server), expanded on demand. The
 * keyboard works as WAI-ARIA's tree pattern: ↑/↓ move, → opens or enters, ← closes or leaves,
 * Home/End, a letter jumps to the next item starting with it, Enter adds a metric (opens a branch).
 */
export function MetricTree({ onAdd }: { onAdd: (path: string) => void }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const [enterWhenLoaded, setEnterWhenLoaded] = useState<string | null>(null);
  const entered = useCallback(() => setEnterWhenLoaded(null), []);
  const treeRef = useRef<HTMLDivElement>(null);

  const toggle = useCallback((path: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);
  const focusPath = useCallback((path: string) => {
    setActive(path);
    const el = treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    el?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tree = treeRef.current;
    const current = (e.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    if (!tree || !current) return;
    const items = [...tree.querySelectorAll<HTMLElement>('[role=treeitem]')];
    const at = items.indexOf(current);
    const path = current.dataset.path ?? '';
    const leaf = current.dataset.leaf === 'true';
    const isOpen = current.getAttribute('aria-expanded') === 'true';
    const go = (el: HTMLElement | undefined | null) => {
      if (el?.dataset.path) focusPath(el.dataset.path);
    };
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        go(items[at + 1]);
        break;
      case 'ArrowUp':
        go(items[at - 1]);
        break;
      case 'Home':
        go(items[0]);
        break;
      case 'End':
        go(items[items.length - 1]);
        break;
      case 'ArrowRight':
        if (!leaf && !isOpen) toggle(path);
        else if (isOpen) {
          const child = current.querySelector<HTMLElement>('[role=group] [role=treeitem]');
          if (child) go(child);
          else setEnterWhenLoaded(path);
        }
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(path);
        else go(current.parentElement?.closest<HTMLElement>('[role=treeitem]'));
        break;
      case 'Enter':
      case ' ':
        if (leaf) onAdd(path);
        else toggle(path);
        break;
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const key = e.key.toLowerCase();
          const after = [...items.slice(at + 1), ...items.slice(0, at + 1)];
          go(after.find((el) => (el.dataset.path ?? '').split('.').pop()?.toLowerCase().startsWith(key)));
        } else handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div
      ref={treeRef}
      role="tree"
      aria-labelledby="metric-tree-heading"
      className={styles.tree}
      onKeyDown={onKeyDown}
      data-testid="metric-tree"
    >
      <Level parent={null} level={1} ctx={{ expanded, active, toggle, focus: focusPath, onAdd, enterWhenLoaded, entered }} />
    </div>
  );
}
