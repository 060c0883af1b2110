import { describe, expect, it } from 'vitest';
import { DEFAULT_PROXY_DRAFT, settingsFromDraft } from './proxy-draft';

describe('proxy form', () => {
  it('turns the form into settings, with TLS on both legs only when given', () => {
    expect(settingsFromDraft({ ...DEFAULT_PROXY_DRAFT, host: '127.0.0.1', port: '0', upstream: 'ws://csms:9000/ocpp', capture: ' /tmp/c.jsonl ' })).toEqual({
      ok: true,
      settings: { listen: { host: '127.0.0.1', port: 0 }, upstream: 'ws://csms:9000/ocpp', pathMode: 'id', redact: true, capture: '/tmp/c.jsonl' },
    });
    const tls = settingsFromDraft({ ...DEFAULT_PROXY_DRAFT, upstream: 'wss://x', certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: 'ca.pem', upstreamCaFile: 'up.pem' });
    expect(tls.ok && tls.settings.tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: 'ca.pem' });
    expect(tls.ok && tls.settings.upstreamTls).toEqual({ caFile: 'up.pem' });
  });

  it('says what is missing or inconsistent, field by field', () => {
    const result = settingsFromDraft({ ...DEFAULT_PROXY_DRAFT, port: '70000', upstream: 'http://x', certFile: 'c.pem', upstreamKeyFile: 'k.pem' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['keyFile', 'port', 'upstream', 'upstreamCertFile']);
  });
});
