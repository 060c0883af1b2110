// Terminal lines for differences by path, shared by `replay` (recorded → live) and `diff` (A → B).
import type { ReplayChange } from '../../api/replay';

const show = (v: unknown): string => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

/** One change as a line: `response /idTagInfo/status: "Accepted" → "Blocked"`. */
export function formatChange(c: { part: ReplayChange['part']; path: string; change: ReplayChange['change'] }, left: unknown, right: unknown, names: [string, string]): string {
  const where = `${c.part}${c.path === '' ? '' : ` ${c.path}`}`;
  switch (c.change) {
    case 'changed':
    case 'kind':
      return `${where}: ${show(left)} → ${show(right)}`;
    case 'added':
      return `${where}: only ${names[1]}, ${show(right)}`;
    case 'removed':
      return `${where}: only ${names[0]}, ${show(left)}`;
  }
}

/** Comma-separated lists for --volatile and friends. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
