// Turns `proxy.start` arguments (untrusted JSON from any transport) into proxy options:
// checks every field, reads the certificate and rules files, opens the capture. Each
// failure names the field or the file.
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../api/errors';
import { PATH_MODES, type FaultRule, type PathMode, type ProxySettings } from '../../api/proxy';
import { CaptureWriter, CaptureWriteError } from '../capture/writer';
import { badArgs } from '../handlers';
import type { TlsClientOptions } from '../net/connect';
import type { TlsServerOptions } from '../net/listener';
import { checkRules, RuleError } from './fault-rules';
import { checkUpstreamUrl } from './path-mapping';
import { loadRulesFile, RulesFileError } from './rules-file';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(obj: Obj, key: string, where: string, required: true): string;
function str(obj: Obj, key: string, where: string, required?: false): string | undefined;
function str(obj: Obj, key: string, where: string, required = false): string | undefined {
  const value = obj[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '') throw badArgs(`"${where}${key}" must be a non-empty string`);
  return value;
}

/** Checks the shape of the settings (no file is touched). */
export function checkProxySettings(args: unknown): ProxySettings {
  if (!isObj(args)) throw badArgs('the proxy settings must be an object');
  const listen = args.listen;
  if (!isObj(listen)) throw badArgs('"listen" must be an object {host, port}');
  const host = str(listen, 'host', 'listen.', true);
  const port = listen.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) throw badArgs('"listen.port" must be an integer from 0 to 65535');
  const upstream = str(args, 'upstream', '', true);
  const problem = checkUpstreamUrl(upstream);
  if (problem !== undefined) throw badArgs(`"upstream": ${problem}`);
  const settings: ProxySettings = { listen: { host, port }, upstream };
  if (args.pathMode !== undefined) {
    if (!PATH_MODES.includes(args.pathMode as PathMode)) throw badArgs('"pathMode" must be "id" or "full"');
    settings.pathMode = args.pathMode as PathMode;
  }
  if (args.tls !== undefined) {
    if (!isObj(args.tls)) throw badArgs('"tls" must be an object {certFile, keyFile, clientCaFile?}');
    const tls: NonNullable<ProxySettings['tls']> = { certFile: str(args.tls, 'certFile', 'tls.', true), keyFile: str(args.tls, 'keyFile', 'tls.', true) };
    const ca = str(args.tls, 'clientCaFile', 'tls.');
    if (ca !== undefined) tls.clientCaFile = ca;
    settings.tls = tls;
  }
  if (args.upstreamTls !== undefined) {
    if (!isObj(args.upstreamTls)) throw badArgs('"upstreamTls" must be an object {caFile?, certFile?, keyFile?}');
    const u = args.upstreamTls;
    const tls: NonNullable<ProxySettings['upstreamTls']> = {};
    const ca = str(u, 'caFile', 'upstreamTls.');
    const cert = str(u, 'certFile', 'upstreamTls.');
    const key = str(u, 'keyFile', 'upstreamTls.');
    if ((cert === undefined) !== (key === undefined)) throw badArgs('"upstreamTls.certFile" and "upstreamTls.keyFile" go together');
    if (!upstream.startsWith('wss:')) throw badArgs('"upstreamTls" needs a wss:// upstream');
    if (ca !== undefined) tls.caFile = ca;
    if (cert !== undefined) tls.certFile = cert;
    if (key !== undefined) tls.keyFile = key;
    settings.upstreamTls = tls;
  }
  const capture = str(args, 'capture', '');
  if (capture !== undefined) settings.capture = capture;
  for (const key of ['redact', 'store'] as const) {
    const value = args[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw badArgs(`"${key}" must be true or false`);
    settings[key] = value;
  }
  if (args.rules !== undefined) {
    try {
      settings.rules = checkRules(args.rules, 'rules');
    } catch (err) {
      if (err instanceof RuleError) throw badArgs(err.message);
      throw err;
    }
  }
  const rulesFile = str(args, 'rulesFile', '');
  if (rulesFile !== undefined) settings.rulesFile = rulesFile;
  if (args.connectTimeoutMs !== undefined) {
    const t = args.connectTimeoutMs;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > 600_000) throw badArgs('"connectTimeoutMs" must be an integer from 1 to 600000');
    settings.connectTimeoutMs = t;
  }
  return settings;
}

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new ApiError('io', `Cannot read the ${what} file ${path}: ${(err as Error).message}`, { path });
  }
}

export interface LoadedSettings {
  tls?: TlsServerOptions;
  upstreamTls?: TlsClientOptions;
  rules: FaultRule[];
}

/** Reads the certificate and rules files the settings name. */
export async function loadProxyFiles(settings: ProxySettings): Promise<LoadedSettings> {
  const loaded: LoadedSettings = { rules: [...(settings.rules ?? [])] };
  if (settings.tls !== undefined) {
    const tls: TlsServerOptions = {
      cert: await readPem(settings.tls.certFile, 'TLS certificate (--tls-cert)'),
      key: await readPem(settings.tls.keyFile, 'TLS key (--tls-key)'),
    };
    if (settings.tls.clientCaFile !== undefined) tls.clientCa = await readPem(settings.tls.clientCaFile, 'client CA (--tls-client-ca)');
    loaded.tls = tls;
  }
  if (settings.upstreamTls !== undefined) {
    const u = settings.upstreamTls;
    const tls: TlsClientOptions = {};
    if (u.caFile !== undefined) tls.ca = await readPem(u.caFile, 'upstream CA (--upstream-ca)');
    if (u.certFile !== undefined) tls.cert = await readPem(u.certFile, 'upstream client certificate (--upstream-cert)');
    if (u.keyFile !== undefined) tls.key = await readPem(u.keyFile, 'upstream client key (--upstream-key)');
    loaded.upstreamTls = tls;
  }
  if (settings.rulesFile !== undefined) {
    try {
      loaded.rules.push(...(await loadRulesFile(settings.rulesFile)));
    } catch (err) {
      if (err instanceof RulesFileError) throw new ApiError(err.kind === 'io' ? 'io' : 'bad-args', err.message, { path: err.path });
      throw err;
    }
  }
  return loaded;
}

/** Creates the capture file (before any traffic flows, so an unwritable path fails at start). */
export async function openProxyCapture(path: string, description: string): Promise<CaptureWriter> {
  try {
    return await CaptureWriter.create(path, { mode: 'proxy', description });
  } catch (err) {
    if (err instanceof CaptureWriteError) throw new ApiError('io', `Cannot record to ${path}: ${(err.cause as Error | undefined)?.message ?? err.message}`, { path });
    throw err;
  }
}
