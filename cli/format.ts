// Small terminal formatting helpers shared by the subcommands.
import type { Direction } from '../api/model';

export function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

/** Charger on the left, CSMS on the right. */
export function arrow(dir: Direction): string {
  return dir === 'cp2csms' ? '→' : '←';
}
