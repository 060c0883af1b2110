// Security profiles in conformance runs against the built-in SUTs: the run makes its own
// certificates, the bench's listener enforces the profile it is told to accept (and a case
// may change that), what each opening showed is kept for the cases to check, and the bench
// as charger connects to a CSMS under test with TLS and client certificates.
import { describe, expect, it } from 'vitest';
import { defineCase } from './case';
import type { Harness } from './harness';
import { runConformance } from './runner';
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
