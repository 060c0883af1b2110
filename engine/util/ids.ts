// Prefixed ids (conn_…, run_…): readable in logs, unique within a process.
import { randomBytes } from 'node:crypto';

let counter = 0;

export function newId(prefix: string): string {
  counter = (counter + 1) % 0x1000000;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}${randomBytes(2).toString('hex')}`;
}
