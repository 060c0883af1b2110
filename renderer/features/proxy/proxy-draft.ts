// The proxy form's state as strings, and its conversion to ProxySettings (api/proxy.ts)
// with a reason per field. Pure; the engine checks again and says what it refuses.
import type { PathMode, ProxySettings } from '../../../api/proxy';

export interface ProxyDraft {
  host: string;
  port: string;
  upstream: string;
  pathMode: PathMode;
  certFile: string;
  keyFile: string;
  clientCaFile: string;
  upstreamCaFile: string;
  upstreamCertFile: string;
  upstreamKeyFile: string;
  capture: string;
  redact: boolean;
  rulesFile: string;
}

export const DEFAULT_PROXY_DRAFT: ProxyDraft = {
  host: '0.0.0.0',
  port: '9000',
  upstream: '',
  pathMode: 'id',
  certFile: '',
  keyFile: '',
  clientCaFile: '',
  upstreamCaFile: '',
  upstreamCertFile: '',
  upstreamKeyFile: '',
  capture: '',
  redact: true,
  rulesFile: '',
};

export type ProxyDraftErrors = Partial<Record<keyof ProxyDraft, string>>;

export function settingsFromDraft(d: ProxyDraft): { ok: true; settings: ProxySettings } | { ok: false; errors: ProxyDraftErrors } {
  const errors: ProxyDraftErrors = {};
  const text = (key: keyof ProxyDraft) => String(d[key]).trim();
  const port = Number(text('port'));
  if (text('port') === '' || !Number.isInteger(port) || port < 0 || port > 65535) errors.port = 'a port from 0 to 65535 (0: any free port)';
  if (text('host') === '') errors.host = 'an address to listen on, e.g. 0.0.0.0 or 127.0.0.1';
  const upstream = text('upstream');
  if (!/^wss?:\/\/[^/]+/i.test(upstream)) errors.upstream = 'the CSMS address, ws://host:port/path or wss://…';
  if ((text('certFile') === '') !== (text('keyFile') === '')) errors[text('certFile') === '' ? 'certFile' : 'keyFile'] = 'TLS toward chargers needs both a certificate and its key';
  if (text('clientCaFile') !== '' && text('certFile') === '') errors.clientCaFile = 'client certificates need TLS: give the proxy a certificate and key first';
  if ((text('upstreamCertFile') === '') !== (text('upstreamKeyFile') === '')) errors[text('upstreamCertFile') === '' ? 'upstreamCertFile' : 'upstreamKeyFile'] = 'a client certificate needs its key';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const settings: ProxySettings = { listen: { host: text('host'), port }, upstream, pathMode: d.pathMode, redact: d.redact };
  if (text('certFile') !== '') {
    settings.tls = { certFile: text('certFile'), keyFile: text('keyFile'), ...(text('clientCaFile') !== '' ? { clientCaFile: text('clientCaFile') } : {}) };
  }
  const upstreamTls = {
    ...(text('upstreamCaFile') !== '' ? { caFile: text('upstreamCaFile') } : {}),
    ...(text('upstreamCertFile') !== '' ? { certFile: text('upstreamCertFile'), keyFile: text('upstreamKeyFile') } : {}),
  };
  if (Object.keys(upstreamTls).length > 0) settings.upstreamTls = upstreamTls;
  if (text('capture') !== '') settings.capture = text('capture');
  if (text('rulesFile') !== '') settings.rulesFile = text('rulesFile');
  return { ok: true, settings };
}
