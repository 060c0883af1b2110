// File transfers of the simulated charger: firmware downloads and diagnostics/log uploads.
//
// Policy ("auto", the default): a URL on a loopback host is really tried — HTTP(S) with a
// GET (download) or PUT (upload), FTP/SFTP with a TCP connection to the port — because that
// is how the OCTT cases point a charger at a failing location (TC_044_2_CS, TC_045_2_CS use
// ftp://127.0.0.1:21/…) and how our own tests host files. Any other host is assumed
// reachable and the transfer is simulated without network traffic. "real" tries every
// host; "simulate" never touches the network.
import { connect as tcpConnect } from 'node:net';

export type TransferPolicy = 'auto' | 'real' | 'simulate';

export type TransferResult = { ok: true; bytes?: Buffer } | { ok: false; reason: string };

const SCHEMES: Record<string, number> = { 'http:': 80, 'https:': 443, 'ftp:': 21, 'ftps:': 990, 'sftp:': 22 };

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

/** Why a location cannot be used at all, or undefined. */
export function checkLocation(location: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return `"${location}" is not a URL`;
  }
  if (!(url.protocol in SCHEMES)) return `unsupported transfer protocol ${url.protocol.replace(':', '')}`;
  if (url.hostname === '') return `"${location}" has no host`;
  return undefined;
}

export async function transfer(
  location: string,
  direction: 'download' | 'upload',
  options: { policy?: TransferPolicy; timeoutMs?: number; body?: string } = {},
): Promise<TransferResult> {
  const bad = checkLocation(location);
  if (bad !== undefined) return { ok: false, reason: bad };
  const url = new URL(location);
  const policy = options.policy ?? 'auto';
  if (policy === 'simulate' || (policy === 'auto' && !isLoopback(url.hostname))) return { ok: true };
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    try {
      const res = await fetch(url, {
        method: direction === 'download' ? 'GET' : 'PUT',
        signal: AbortSignal.timeout(timeoutMs),
        ...(direction === 'upload' ? { body: options.body ?? '' } : {}),
      });
      if (!res.ok) return { ok: false, reason: `${direction === 'download' ? 'GET' : 'PUT'} ${location} answered HTTP ${res.status}` };
      return direction === 'download' ? { ok: true, bytes: Buffer.from(await res.arrayBuffer()) } : { ok: true };
    } catch (err) {
      return { ok: false, reason: `${location}: ${(err as Error).message}` };
    }
  }
  const port = url.port !== '' ? Number(url.port) : SCHEMES[url.protocol]!;
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
    const done = (r: TransferResult) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: `${location}: no connection within ${timeoutMs} ms` }));
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (err) => done({ ok: false, reason: `${location}: ${err.message}` }));
  });
}
