// Small terminal formatting helpers shared by the subcommands.
import type { Direction } from '../api/model';

export function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

/** Charger on the left, CSMS on the right. */
export function arrow(dir: Direction): string {
  return dir === 'cp2csms' ? '→' : '←';
}

/** Local wall-clock time with milliseconds. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}
