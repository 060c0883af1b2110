// Security rules: how the charger connected (Basic auth in the clear, an old TLS
// version — placed on the session's first frame), and the SecurityEventNotifications a
// charger owes after certain events: its start-up (a critical event) and a firmware
// signature or signing certificate it rejected.
import { actionsOf } from '../../ocpp/catalog';
import { describeMs, status, str } from '../behaviour/read';
import type { Observation, RuleModule, Timer } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const BASIC_AUTH_PLAIN = defineRule({
  id: 'security.basic-auth-plain',
  severity: 'warning',
  group: 'security',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP-J 1.6 §6.2.2 "A note on encryption"; security whitepaper ed. 3 §2.3 A00.FR.201, A00.FR.206',
    '2.0.1': 'OCPP 2.0.1 A00 security profile 1 (A00.FR.201, A00.FR.206)',
    '2.1': 'OCPP 2.1 A00 security profile 1 (as 2.0.1)',
  },
  explanation: 'HTTP Basic credentials sent over plain ws:// travel in clear text (security profile 1, for trusted networks only); anyone on the path can impersonate the charger.',
});

export const TLS_VERSION = defineRule({
  id: 'security.tls-version',
  severity: 'error',
  // The 1.6 whitepaper still lets chargers that cannot do TLS 1.2 use 1.0/1.1.
  severityByVersion: { '1.6': 'warning' },
  group: 'security',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'security whitepaper ed. 3 A00.FR.312, A00.FR.416',
    '2.0.1': 'OCPP 2.0.1 A00.FR.312, A00.FR.416 (Part 6 TC_A_04_CS)',
    '2.1': 'OCPP 2.1 A00 (as 2.0.1 A00.FR.312)',
  },
  explanation: 'The charger connection uses TLS 1.2 or above; 1.6 tolerates TLS 1.0/1.1 only for legacy chargers that cannot do better.',
});

export const EVENT_AFTER_BOOT = defineRule({
  id: 'security.event-after-boot',
  severity: 'warning',
  group: 'security',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'security whitepaper ed. 3 A04.FR.01, §8 Security Events (StartupOfTheDevice: critical)',
    '2.0.1': 'OCPP 2.0.1 A04; Part 2 appendices Appendix 1 (Part 6 TC_A_06_CS, TC_B_21_CS)',
    '2.1': 'OCPP 2.1 A04; Part 2 appendices Appendix 1',
  },
  explanation: 'After booting and being accepted, a charger pushes the critical security event StartupOfTheDevice (or ResetOrReboot/FirmwareUpdated) within the follow-up time; a 1.6 charger is held to it only once it shows the security extension.',
});

export const EVENT_AFTER_FIRMWARE = defineRule({
  id: 'security.event-after-firmware-failure',
  severity: 'error',
  group: 'security',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'security whitepaper ed. 3 L01.FR.02, L01.FR.03',
    '2.0.1': 'OCPP 2.0.1 L01.FR.02, L01.FR.03 (Part 6 TC_L_05_CS, TC_L_06_CS)',
    '2.1': 'OCPP 2.1 L01 (as 2.0.1 L01.FR.02, L01.FR.03)',
  },
  explanation: 'A charger that rejects a firmware\'s signing certificate or signature sends a SecurityEventNotification InvalidFirmwareSigningCertificate or InvalidFirmwareSignature.',
});

/** The 1.6 security whitepaper's messages: seeing one shows the charger implements it. */
const SECURITY_16 = new Set(actionsOf('1.6').filter((a) => a.group === 'Security').map((a) => a.action));

const BOOT_EVENTS = new Set(['StartupOfTheDevice', 'ResetOrReboot', 'FirmwareUpdated']);
const OLD_TLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1']);

interface Expectation {
  on: Observation;
  types: ReadonlySet<string>;
  timer: Timer;
}

export const securityRules: RuleModule = {
  name: 'security',
  rules: [BASIC_AUTH_PLAIN, TLS_VERSION, EVENT_AFTER_BOOT, EVENT_AFTER_FIRMWARE],
  actions: '*',
  create(ctx) {
    let first = true;
    const v16 = ctx.version === '1.6';
    /** 1.6: the charger speaks the security whitepaper (a message of its Security profile was seen). */
    let extension16 = false;
    let lastBoot: Observation | undefined;
    const expected: Expectation[] = [];

    const expect = (on: Observation, types: ReadonlySet<string>, report: () => void): void => {
      const entry: Expectation = {
        on,
        types,
        timer: ctx.at(on.mono + ctx.options.followUpTimeoutMs, () => {
          expected.splice(expected.indexOf(entry), 1);
          report();
        }),
      };
      expected.push(entry);
    };

    const connection = (obs: Observation): void => {
      const c = ctx.connection;
      if (c === undefined) return;
      if (c.basicAuth && !c.secure) {
        ctx.report(BASIC_AUTH_PLAIN.id, obs, 'The charger sent HTTP Basic credentials over an unencrypted ws:// connection');
      }
      if (c.secure && c.tlsVersion !== undefined && OLD_TLS.has(c.tlsVersion)) {
        ctx.report(TLS_VERSION.id, obs, `The connection uses ${c.tlsVersion}; TLS 1.2 or above is required`);
      }
    };

    const firmwareFailure = (obs: Observation, type: string, what: string): void => {
      expect(obs, new Set([type]), () =>
        ctx.report(EVENT_AFTER_FIRMWARE.id, obs, `${what}, but no SecurityEventNotification ${type} followed within ${describeMs(ctx.options.followUpTimeoutMs)}`),
      );
    };

    return {
      frame(obs) {
        if (first) {
          first = false;
          connection(obs);
        }
        if (v16 && !extension16 && SECURITY_16.has(obs.action)) extension16 = true;
        const p = obs.payload;
        if (obs.kind === 'CALL' && fromCharger(obs)) {
          switch (obs.action) {
            case 'SecurityEventNotification': {
              const type = str(p?.['type']);
              for (let i = expected.length - 1; i >= 0; i--) {
                const e = expected[i]!;
                if (type !== undefined && e.types.has(type)) {
                  e.timer.cancel();
                  expected.splice(i, 1);
                }
              }
              return;
            }
            case 'BootNotification':
              // A triggered BootNotification is no start-up.
              lastBoot = str(p?.['reason']) === 'Triggered' ? undefined : obs;
              return;
            case 'FirmwareStatusNotification':
            case 'SignedFirmwareStatusNotification':
              if (str(p?.['status']) === 'InvalidSignature') firmwareFailure(obs, 'InvalidFirmwareSignature', 'The firmware signature was reported invalid');
              return;
          }
          return;
        }
        if (obs.kind !== 'CALLRESULT' || obs.request === undefined) return;
        if (obs.action === 'BootNotification' && !fromCharger(obs) && status(p) === 'Accepted' && lastBoot === obs.request) {
          const boot = obs;
          expect(boot, BOOT_EVENTS, () => {
            if (v16 && !extension16) return;
            ctx.report(EVENT_AFTER_BOOT.id, boot, `The charger was accepted after booting, but sent no SecurityEventNotification StartupOfTheDevice within ${describeMs(ctx.options.followUpTimeoutMs)}`);
          });
          return;
        }
        if ((obs.action === 'UpdateFirmware' || obs.action === 'SignedUpdateFirmware') && fromCharger(obs)) {
          const s = status(p);
          if (s === 'InvalidCertificate' || s === 'RevokedCertificate') {
            firmwareFailure(obs, 'InvalidFirmwareSigningCertificate', `The firmware signing certificate was answered ${s}`);
          }
        }
      },
    };
  },
};
