// Chart data read from a session's frames: meter readings per transaction and charging
// schedules (profiles sent, composite schedules answered). Pure: frames in, series out.
import type { FrameSummary } from '../../../api/model';
import type { MeterSample } from './series';

export interface PayloadFrame {
  summary: FrameSummary;
  /** The frame's payload (element 3 of a CALL, 2 of a CALLRESULT). */
  payload: Record<string, unknown>;
}

export interface TransactionMeter {
  /** Transaction id, or "connector N" for readings outside a transaction. */
  id: string;
  samples: MeterSample[];
  frames: number;
}

/** The actions whose frames carry what the charts need (for a `frames.query` filter). */
export const CHART_ACTIONS = ['MeterValues', 'StopTransaction', 'TransactionEvent', 'SetChargingProfile', 'GetCompositeSchedule', 'RemoteStartTransaction', 'RequestStartTransaction'];

const asRecord = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const samplesOf = (v: unknown): MeterSample[] =>
  Array.isArray(v) ? v.flatMap((m) => (asRecord(m) !== undefined && Array.isArray((m as MeterSample).sampledValue) && typeof (m as MeterSample).timestamp === 'string' ? [m as MeterSample] : [])) : [];

/**
 * Meter values by transaction: 1.6 MeterValues (transactionId, else the connector) and
 * StopTransaction.transactionData (OCPP 1.6 §6.31, §6.47); 2.x TransactionEvent
 * meterValue by transactionInfo.transactionId (2.0.1 Part 2 §1.6.3 E).
 */
export function meterByTransaction(frames: readonly PayloadFrame[]): TransactionMeter[] {
  const byId = new Map<string, TransactionMeter>();
  const add = (id: string, samples: MeterSample[]) => {
    if (samples.length === 0) return;
    const entry = byId.get(id) ?? { id, samples: [], frames: 0 };
    entry.samples.push(...samples);
    entry.frames++;
    byId.set(id, entry);
  };
  for (const { summary, payload } of frames) {
    if (summary.kind !== 'CALL') continue;
    switch (summary.action) {
      case 'MeterValues': {
        const tx = payload.transactionId;
        add(tx !== undefined ? String(tx) : `connector ${String(payload.connectorId ?? payload.evseId ?? '?')}`, samplesOf(payload.meterValue));
        break;
      }
      case 'StopTransaction':
        add(String(payload.transactionId ?? '?'), samplesOf(payload.transactionData));
        break;
      case 'TransactionEvent':
        add(String(asRecord(payload.transactionInfo)?.transactionId ?? '?'), samplesOf(payload.meterValue));
        break;
    }
  }
  return [...byId.values()];
}

export interface ScheduleEntry {
  label: string;
  /** Store index of the frame it came from. */
  index: number;
  /** An object `scheduleSeries` reads (a profile, or a composite schedule answer). */
  profile: Record<string, unknown>;
}

/** Profiles sent (SetChargingProfile, remote starts with a profile) and composite schedules answered. */
export function schedulesOf(frames: readonly PayloadFrame[]): ScheduleEntry[] {
  const out: ScheduleEntry[] = [];
  for (const { summary, payload } of frames) {
    const at = `frame ${summary.index + 1}`;
    if (summary.kind === 'CALL' && (summary.action === 'SetChargingProfile' || summary.action === 'RemoteStartTransaction' || summary.action === 'RequestStartTransaction')) {
      const profile = asRecord(payload.csChargingProfiles ?? payload.chargingProfile);
      if (profile === undefined) continue;
      const id = profile.chargingProfileId ?? profile.id;
      const purpose = profile.chargingProfilePurpose;
      out.push({ label: `${summary.action}: profile ${String(id ?? '?')}${typeof purpose === 'string' ? ` (${purpose})` : ''} · ${at}`, index: summary.index, profile });
    } else if (summary.kind === 'CALLRESULT' && summary.action === 'GetCompositeSchedule') {
      if (payload.chargingSchedule === undefined && payload.schedule === undefined) continue;
      out.push({ label: `Composite schedule${payload.connectorId !== undefined ? ` of connector ${String(payload.connectorId)}` : ''} · ${at}`, index: summary.index, profile: payload });
    }
  }
  return out;
}

/** The payload of a frame's text by its message type (OCPP-J 1.6 §4.2; 2.x Part 4 §4.2). */
export function payloadOf(text: string | undefined, summary: FrameSummary): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const message: unknown = JSON.parse(text);
    if (!Array.isArray(message)) return undefined;
    return asRecord(summary.kind === 'CALLRESULT' ? message[2] : message[3]);
  } catch {
    return undefined;
  }
}
