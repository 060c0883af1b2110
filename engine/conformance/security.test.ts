// Security profiles in conformance runs against the built-in SUTs: the run makes its own
// certificates, the bench's listener enforces the profile it is told to accept (and a case
// may change that), what each opening showed is kept for the cases to check, and the bench
// as charger connects to a CSMS under test with TLS and client certificates.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LiveRecorder } from '../traffic/recorder';
import { defineCase } from './case';
import type { Harness } from './harness';
import { ListenerLink } from './links';
import { runConformance } from './runner';
import { RunSecurity } from './security';
import { mergeSettings } from './settings';
import { builtInSimulators } from './sut-simulated';
import { bootNotification } from './states16';

const password = '0123456789abcdef0123456789abcdef';

function probe(id: string, sut: 'charger' | 'csms', run: (t: Harness) => Promise<void>) {
  return defineCase({ id, title: 'security probe', version: '1.6', sut, profile: 'Security', specRefs: ['test'], proof: { behaviour: 'none' }, run });
}

async function runOne(sut: 'charger' | 'csms', securityProfile: number, run: (t: Harness) => Promise<void>) {
  const c = probe(sut === 'charger' ? 'TC_PROBE_CS' : 'TC_PROBE_CSMS', sut, run);
  const report = await runConformance({ version: '1.6', sut, simulate: true, settings: { securityProfile, password } }, { cases: [c], simulators: builtInSimulators() });
  const result = report.cases[0]!;
  return { result, failure: result.steps.filter((s) => s.verdict === 'fail').map((s) => `${s.text}: ${s.actual ?? ''}`).join('\n') };
}

describe('security profiles with the charger under test', () => {
  it('profile 2: the charger connects over TLS with Basic auth; the opening is kept', async () => {
    const seen: string[] = [];
    const { result, failure } = await runOne('charger', 2, async (t) => {
      const o = t.currentOpening();
      seen.push(o?.tls?.version ?? 'none', o?.credentials?.user ?? 'none', String(o?.clientHello?.cipherSuites.includes('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256')));
    });
    expect(result.verdict, failure).toBe('pass');
    expect(seen).toEqual([expect.stringMatching(/^TLSv1\.[23]$/), 'CP-UNDER-TEST', 'true']);
  });

  it('profile 3: the charger presents a client certificate for its serial number', async () => {
    let subject = '';
    const { result, failure } = await runOne('charger', 3, async (t) => {
      subject = t.currentOpening()?.peerCertificate?.subject ?? '';
    });
    expect(result.verdict, failure).toBe('pass');
    expect(subject).toContain('CN=CP-UNDER-TEST');
  });

  it('a charger that no longer meets what the bench accepts is refused, and the step says why', async () => {
    const { result } = await runOne('charger', 2, async (t) => {
      t.acceptSecurity({ password: 'another-password-of-16' });
      await t.send('Reset', { type: 'Hard' }, { status: 'Accepted' });
      await t.expectConnection({ fresh: true, within: 10 });
    });
    expect(result.verdict).toBe('fail');
    expect(result.steps.find((s) => s.verdict === 'fail')?.actual).toMatch(/refused .*HTTP 401: Wrong HTTP Basic password/);
  });
});

describe('the bench as CSMS keeps what each opening showed', () => {
  it('a TLS handshake that fails is kept as a refused opening, with the ClientHello', async () => {
    const settings = mergeSettings({ securityProfile: 2, password });
    const security = new RunSecurity(settings, true);
    const recorder = new LiveRecorder({ source: 'run', tickMs: 0 });
    const link = new ListenerLink('1.6', recorder, settings, { host: '127.0.0.1', port: 0 }, await security.listenerTls());
    const url = await link.start();
    expect(url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    // A charger that does not trust the bench's server certificate.
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(`${url}/CP-UNDER-TEST`, ['ocpp1.6'], { ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' });
      ws.on('error', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 50));
    const [opening] = link.openings;
    expect(opening?.accepted).toBe(false);
    expect(opening?.refusal).toMatch(/closed the TLS connection without a WebSocket request \(does it trust the server certificate\?\)/);
    expect(opening?.clientHello?.cipherSuites).toContain('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256');
    await link.close();
    await recorder.close();
  });
});

describe('security profiles with the CSMS under test', () => {
  for (const profile of [2, 3]) {
    it(`profile ${profile}: the bench's charger connects to the built-in CSMS and boots`, async () => {
      const { result, failure } = await runOne('csms', profile, async (t) => {
        await t.connect();
        await bootNotification(t);
      });
      expect(result.verdict, failure).toBe('pass');
      const connect = result.steps.find((s) => s.text.startsWith('Connect to the CSMS'));
      expect(connect?.text).toContain('wss://');
    });
  }
});
