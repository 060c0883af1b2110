import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_DRAFT, simArgsFromDraft } from './sim-draft';

describe('simulator form', () => {
  it('builds start arguments with behaviours and TLS only when given', () => {
    expect(simArgsFromDraft({ ...DEFAULT_SIM_DRAFT, behaviours: ['skips-boot'], insecure: true })).toEqual({
      ok: true,
      args: { url: 'ws://127.0.0.1:9000/ocpp', id: 'SIM-{n:3}', version: '1.6', connectors: 2, count: 1, powerW: 11000, timeScale: 1, behaviours: ['skips-boot'], tls: { insecure: true } },
    });
  });

  it('names the fields it cannot use', () => {
    const result = simArgsFromDraft({ ...DEFAULT_SIM_DRAFT, url: 'localhost', connectors: '0', timeScale: '0', keyFile: 'k.pem' });
    expect(result.ok === false && Object.keys(result.errors).sort()).toEqual(['certFile', 'connectors', 'timeScale', 'url']);
  });
});
