// The "start chargers" form as strings, and its conversion to SimStartArgs (api/sim.ts).
import type { OcppVersion } from '../../../api/model';
import type { SimStartArgs } from '../../../api/sim';

export interface SimDraft {
  url: string;
  id: string;
  version: OcppVersion;
  connectors: string;
  count: string;
  password: string;
  behaviours: readonly string[];
  timeScale: string;
  powerW: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  insecure: boolean;
  capture: string;
}

export const DEFAULT_SIM_DRAFT: SimDraft = {
  url: 'ws://127.0.0.1:9000/ocpp',
  id: 'SIM-{n:3}',
  version: '1.6',
  connectors: '2',
  count: '1',
  password: '',
  behaviours: [],
  timeScale: '1',
  powerW: '11000',
  caFile: '',
  certFile: '',
  keyFile: '',
  insecure: false,
  capture: '',
};

export type SimDraftErrors = Partial<Record<keyof SimDraft, string>>;

export function simArgsFromDraft(d: SimDraft): { ok: true; args: SimStartArgs } | { ok: false; errors: SimDraftErrors } {
  const errors: SimDraftErrors = {};
  const int = (key: 'connectors' | 'count' | 'powerW', min: number, max: number) => {
    const n = Number(d[key]);
    if (!Number.isInteger(n) || n < min || n > max) errors[key] = `a whole number from ${min} to ${max}`;
    return n;
  };
  if (!/^wss?:\/\/[^/]+/i.test(d.url.trim())) errors.url = 'the CSMS address, ws://host:port/path or wss://…';
  if (d.id.trim() === '') errors.id = 'a charge point id, or a pattern like CP{n:3} for several';
  const connectors = int('connectors', 1, 32);
  const count = int('count', 1, 10_000);
  const powerW = int('powerW', 1, 1_000_000);
  const timeScale = Number(d.timeScale);
  if (!(timeScale > 0)) errors.timeScale = 'a positive number (0.1 runs timers ten times faster)';
  if ((d.certFile === '') !== (d.keyFile === '')) errors[d.certFile === '' ? 'certFile' : 'keyFile'] = 'a client certificate needs its key';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const args: SimStartArgs = { url: d.url.trim(), id: d.id.trim(), version: d.version, connectors, count, powerW, timeScale };
  if (d.behaviours.length > 0) args.behaviours = [...d.behaviours];
  if (d.password !== '') args.password = d.password;
  if (d.caFile !== '' || d.certFile !== '' || d.insecure) {
    args.tls = { ...(d.caFile !== '' ? { caFile: d.caFile } : {}), ...(d.certFile !== '' ? { certFile: d.certFile, keyFile: d.keyFile } : {}), ...(d.insecure ? { insecure: true } : {}) };
  }
  if (d.capture.trim() !== '') args.capture = d.capture.trim();
  return { ok: true, args };
}
