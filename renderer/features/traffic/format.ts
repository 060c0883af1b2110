// How frame facts read in the table and the inspector: short, aligned, unambiguous.
import type { Direction, MessageKind } from '../../../api/model';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time of day with milliseconds, e.g. `14:03:07.251`. */
export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A duration in milliseconds, in the unit that keeps it short: `0.42 ms`, `12 ms`, `3.51 s`, `2 m 05 s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const abs = Math.abs(ms);
  if (abs < 1) return `${ms.toFixed(2)} ms`;
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(abs / 60_000);
  return `${ms < 0 ? '-' : ''}${minutes} m ${pad(Math.round((abs % 60_000) / 1000))} s`;
}

/** Time since the previous row, `+12 ms`. */
export function delta(ms: number | undefined): string {
  return ms === undefined ? '' : `+${duration(Math.max(0, ms))}`;
}

export const DIRECTION_LABEL: Record<Direction, string> = { cp2csms: 'CP→CSMS', csms2cp: 'CSMS→CP' };
export const DIRECTION_TITLE: Record<Direction, string> = {
  cp2csms: 'From the charge point to the CSMS',
  csms2cp: 'From the CSMS to the charge point',
};

export const KIND_LABEL: Record<MessageKind, string> = {
  CALL: 'CALL',
  CALLRESULT: 'RESULT',
  CALLERROR: 'ERROR',
  CALLRESULTERROR: 'RESULT ERROR',
  SEND: 'SEND',
};

/** Frame number as people count them (the store index is 0-based). */
export const frameNo = (index: number): string => String(index + 1);

/**
 * Which element of the OCPP-J message array holds the payload findings point into: CALL and
 * SEND at 3, CALLRESULT at 2, CALLERROR / CALLRESULTERROR their details at 4
 * (OCPP-J 1.6 §4.2; 2.0.1 and 2.1 Part 4 §4.2).
 */
export function payloadElement(kind: MessageKind | undefined): number | undefined {
  switch (kind) {
    case 'CALL':
    case 'SEND':
      return 3;
    case 'CALLRESULT':
      return 2;
    case 'CALLERROR':
    case 'CALLRESULTERROR':
      return 4;
    default:
      return undefined;
  }
}
