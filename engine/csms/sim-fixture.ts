// Test fixture: the charger simulator against the standalone CSMS on loopback, each started
// per test and stopped after it (newest first), with a test PKI for the TLS profiles.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SimulatedCharger } from '../charger/charger';
import { makeTestPki, type TestPki } from '../testing/certs';
import { startTestCsms, type TestCsms } from './testing';

export interface SimCsmsFixture {
  /** The PKI made for the file (client certificate CN as given); available inside tests. */
  readonly pki: TestPki;
  csms(settings: unknown, tls?: Parameters<typeof startTestCsms>[1]): Promise<TestCsms>;
  /** A started simulator at time scale 0.01 unless told otherwise. */
  simulator(options: ConstructorParameters<typeof SimulatedCharger>[0]): SimulatedCharger;
}

/** Registers the hooks; call at the top of a test file. */
export function simCsmsFixture(clientCn: string): SimCsmsFixture {
  let pki: TestPki | undefined;
  beforeAll(() => {
    pki = makeTestPki(clientCn);
  });
  afterAll(() => pki?.remove());
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  return {
    get pki() {
      if (pki === undefined) throw new Error('the test PKI exists only inside tests');
      return pki;
    },
    async csms(settings, tls) {
      const t = await startTestCsms(settings, tls);
      cleanups.push(() => t.stop());
      return t;
    },
    simulator(options) {
      const cp = new SimulatedCharger({ timeScale: 0.01, rebootDelayS: 1, ...options });
      cp.start();
      cleanups.push(() => cp.stop());
      return cp;
    },
  };
}
