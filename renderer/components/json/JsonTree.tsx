// A collapsible JSON tree. `highlight` names one node by its path segments: its ancestors
// open, it is marked and scrolled into view (a finding's JSON path, clicked in the list).
import { memo, useEffect, useRef, useState } from 'react';
import { isPrefix, samePath } from './pointer';
import './json-tree.css';

const CHILD_LIMIT = 300;

export interface JsonTreeProps {
  value: unknown;
  highlight?: readonly string[];
  /** Nodes at a depth below this start open. */
  openDepth?: number;
  /** Optional labels for the root's children (e.g. "payload" for a CALL's element 3). */
  labels?: Readonly<Record<string, string>>;
}

export function JsonTree({ value, highlight, openDepth = 3, labels }: JsonTreeProps) {
  return (
    <div className="json-tree mono" role="tree">
      <JsonNode name={undefined} value={value} path={[]} depth={0} highlight={highlight} openDepth={openDepth} labels={labels} />
    </div>
  );
}

interface NodeProps {
  name: string | undefined;
  value: unknown;
  path: readonly string[];
  depth: number;
  highlight: readonly string[] | undefined;
  openDepth: number;
  labels: Readonly<Record<string, string>> | undefined;
}

const JsonNode = memo(function JsonNode({ name, value, path, depth, highlight, openDepth, labels }: NodeProps) {
  const container = typeof value === 'object' && value !== null;
  const onPath = highlight !== undefined && isPrefix(path, highlight);
  const marked = samePath(highlight, path);
  const [open, setOpen] = useState(depth < openDepth);
  const [showAll, setShowAll] = useState(false);
  const row = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (onPath && container) setOpen(true);
  }, [onPath, container, highlight]);
  useEffect(() => {
    if (marked) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [marked, highlight]);

  const label = name === undefined ? null : (
    <>
      <span className={Array.isArray(value) || /^\d+$/.test(name) ? 'jt-index' : 'jt-key'}>{name}</span>
      {labels?.[name] !== undefined && depth === 1 && <span className="jt-label">{labels[name]}</span>}
      <span className="jt-colon">: </span>
    </>
  );
  const rowClass = `jt-row${marked ? ' jt-marked' : ''}`;
  const indent = { paddingLeft: `${depth * 14 + 4}px` };

  if (!container) {
    return (
      <div ref={row} className={rowClass} style={indent} role="treeitem" data-path={path.join('/')} aria-selected={marked}>
        <span className="jt-twisty" />
        {label}
        <Scalar value={value} />
      </div>
    );
  }

  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const shown = showAll ? entries : entries.slice(0, CHILD_LIMIT);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div role="treeitem" aria-expanded={open} aria-selected={marked}>
      <div ref={row} className={rowClass} style={indent} data-path={path.join('/')} onClick={() => setOpen(!open)}>
        <button type="button" className="jt-twisty" aria-label={open ? 'Collapse' : 'Expand'} tabIndex={-1}>
          {open ? '▾' : '▸'}
        </button>
        {label}
        <span className="jt-brace">{brackets[0]}</span>
        {!open && <span className="jt-summary">{entries.length === 0 ? '' : ` ${entries.length} ${Array.isArray(value) ? 'items' : 'keys'} `}</span>}
        {(!open || entries.length === 0) && <span className="jt-brace">{brackets[1]}</span>}
      </div>
      {open && entries.length > 0 && (
        <div role="group">
          {shown.map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} path={[...path, key]} depth={depth + 1} highlight={onPath ? highlight : undefined} openDepth={openDepth} labels={labels} />
          ))}
          {shown.length < entries.length && (
            <button type="button" className="jt-more" style={{ marginLeft: `${(depth + 1) * 14 + 18}px` }} onClick={() => setShowAll(true)}>
              show {entries.length - shown.length} more
            </button>
          )}
          <div className="jt-row" style={indent}>
            <span className="jt-twisty" />
            <span className="jt-brace">{brackets[1]}</span>
          </div>
        </div>
      )}
    </div>
  );
});

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="jt-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="jt-number">{String(value)}</span>;
  return <span className="jt-literal">{String(value)}</span>;
}
