// Browser HAR files (HAR 1.2, W3C Web Performance draft) with WebSocket messages as Chrome
// writes them: an entry per WebSocket with `_webSocketMessages`, each message
// {type: "send"|"receive", time (seconds since the epoch), opcode (1 text, 2 binary,
// base64), data}. Which end is the charger is a choice (`chargerSide`): by default the page
// is (a browser-based charger, the WebSocket client as in OCPP-J 1.6 §3.1), so `send`
// goes charger → CSMS. Pure: JSON in, records out through a sink.
import type { ImportProblem } from '../../../api/replay';
import type { Direction } from '../../../api/model';
import { chargePointIdFromPath, parseBasicAuth } from '../../net/handshake';
import { newId } from '../../util/ids';
import { REDACTED, type CaptureRecord } from '../format';
import type { Unstamped } from '../writer';
import type { RecordSink } from './streams';

export interface HarOptions {
  chargerSide?: 'client' | 'server';
  keepCredentials?: boolean;
}

export interface HarImported {
  connections: number;
  frames: number;
  /** Entries read. */
  read: number;
  /** The earliest time in the file, for the capture's start. */
  origin?: number;
}

interface HarHeader {
  name?: unknown;
  value?: unknown;
}

interface HarEntry {
  startedDateTime?: unknown;
  serverIPAddress?: unknown;
  request?: { url?: unknown; headers?: unknown };
  response?: { status?: unknown; statusText?: unknown; headers?: unknown };
  _webSocketMessages?: unknown;
  _resourceType?: unknown;
}

export class HarFormatError extends Error {
  override name = 'HarFormatError';
}

function header(headers: unknown, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  const found = (headers as HarHeader[]).filter((h) => typeof h?.name === 'string' && h.name.toLowerCase() === name && typeof h.value === 'string');
  return found.length === 0 ? undefined : found.map((h) => h.value as string).join(', ');
}

/** Reads the WebSocket entries of a parsed HAR file into records, in time order. */
export function importHar(har: unknown, sink: RecordSink, problems: ImportProblem[], options: HarOptions = {}): HarImported {
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarFormatError('not a HAR file: no log.entries list');
  const chargerIsClient = (options.chargerSide ?? 'client') === 'client';
  const events: Array<{ at: number; order: number; record: Unstamped<CaptureRecord> }> = [];
  let order = 0;
  let connections = 0;
  let frames = 0;
  const push = (at: number, record: Unstamped<CaptureRecord>) => events.push({ at, order: order++, record });

  (entries as HarEntry[]).forEach((entry, index) => {
    const url = typeof entry?.request?.url === 'string' ? entry.request.url : undefined;
    const messages = entry?._webSocketMessages;
    const isWebSocket = Array.isArray(messages) || entry?._resourceType === 'websocket' || (url !== undefined && /^wss?:/i.test(url));
    if (!isWebSocket) return;
    const name = url ?? `entry ${index}`;
    const started = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
    let parsed: URL | undefined;
    try {
      parsed = url === undefined ? undefined : new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || Number.isNaN(started)) {
      problems.push({ severity: 'warning', stream: name, message: `WebSocket entry ${index} has no readable URL or start time; skipped` });
      return;
    }
    const path = `${parsed.pathname}${parsed.search}`;
    const offered = (header(entry.request?.headers, 'sec-websocket-protocol') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'wss:' ? '443' : '80';
    const server = typeof entry.serverIPAddress === 'string' && entry.serverIPAddress !== '' ? entry.serverIPAddress.replace(/^\[|\]$/g, '') : parsed.hostname;
    const conn = newId('conn');
    const base = {
      conn,
      chargePointId: chargePointIdFromPath(path),
      path,
      offeredSubprotocols: offered,
      // The charger's address: the browser's is not in a HAR file.
      ...(chargerIsClient ? {} : { remoteAddress: server.includes(':') ? `[${server}]:${port}` : `${server}:${port}` }),
    };
    const status = typeof entry.response?.status === 'number' ? entry.response.status : 101;
    if (status !== 101 && status !== 0) {
      push(started, { type: 'fail', ...base, status, reason: `the server answered the WebSocket upgrade with ${status}${typeof entry.response?.statusText === 'string' && entry.response.statusText !== '' ? ` ${entry.response.statusText}` : ''}` });
      connections++;
      return;
    }
    const subprotocol = header(entry.response?.headers, 'sec-websocket-protocol');
    const credentials = parseBasicAuth(header(entry.request?.headers, 'authorization'));
    push(started, {
      type: 'open',
      ...base,
      ...(subprotocol !== undefined && subprotocol !== '' ? { subprotocol } : {}),
      ...(credentials !== undefined ? { authUser: credentials.user, authPassword: options.keepCredentials === true ? credentials.password : REDACTED } : {}),
    });
    connections++;
    let seq = 0;
    for (const [i, m] of (Array.isArray(messages) ? (messages as Array<Record<string, unknown>>) : []).entries()) {
      const type = m?.['type'];
      const time = m?.['time'];
      const opcode = m?.['opcode'] ?? 1;
      const data = m?.['data'];
      if ((type !== 'send' && type !== 'receive') || typeof time !== 'number' || typeof data !== 'string') {
        problems.push({ severity: 'warning', stream: name, message: `message ${i} is not a {type: send|receive, time, data} record; skipped` });
        continue;
      }
      const dir: Direction = (type === 'send') === chargerIsClient ? 'cp2csms' : 'csms2cp';
      // Never before the connection opened (clocks in HAR files are not always consistent).
      const at = Math.max(time * 1000, started);
      if (opcode === 1) push(at, { type: 'frame', conn, seq: seq++, dir, text: data });
      else if (opcode === 2) push(at, { type: 'frame', conn, seq: seq++, dir, binary: data, marks: ['binary'] });
      else {
        problems.push({ severity: 'warning', stream: name, message: `message ${i} has opcode ${String(opcode)}, not a text or binary message; skipped` });
        continue;
      }
      frames++;
    }
  });
  // Records in the order things happened across connections; a connection's open stays first.
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const e of events) sink.write(e.record, e.at);
  const result: HarImported = { connections, frames, read: entries.length };
  if (events[0] !== undefined) result.origin = events[0].at;
  return result;
}
