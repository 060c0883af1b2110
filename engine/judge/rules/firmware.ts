// Firmware status order: after an update request the charger reports its progress step by
// step — Downloading, Downloaded, (SignatureVerified,) Installing, Installed — without
// skipping a step within the session. OCPP 1.6 §4.5 and FirmwareStatus (§7.25); security
// whitepaper L01; 2.0.1 L01 (Part 6 TC_L_01_CS).
import { status, str } from '../behaviour/read';
import type { RuleModule } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const FIRMWARE_STATUS_ORDER = defineRule({
  id: 'sequence.firmware-status-order',
  severity: 'error',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §4.5; security whitepaper ed. 3 L01.FR.01',
    '2.0.1': 'OCPP 2.0.1 L01.FR.01 (Part 6 TC_L_01_CS)',
    '2.1': 'OCPP 2.1 L01 (as 2.0.1 L01.FR.01)',
  },
  explanation: 'After accepting a firmware update in a session, the charger reports each step it reaches: Downloaded only after Downloading, Installing only after Downloaded, Installed only after Installing (a reboot in between starts a new session, which is not judged).',
});

/** The status each progress status must follow, with the statuses that count as having passed it. */
const AFTER: Readonly<Record<string, readonly string[]>> = {
  Downloaded: ['Downloading'],
  SignatureVerified: ['Downloaded'],
  Installing: ['Downloaded', 'SignatureVerified'],
  Installed: ['Installing', 'InstallRebooting'],
};

export const firmwareRules: RuleModule = {
  name: 'firmware',
  rules: [FIRMWARE_STATUS_ORDER],
  actions: ['UpdateFirmware', 'SignedUpdateFirmware', 'FirmwareStatusNotification', 'SignedFirmwareStatusNotification'],
  create(ctx) {
    /** Statuses reported since the update request this session saw accepted; undefined when none. */
    let seen: Set<string> | undefined;
    return {
      frame(obs) {
        if (obs.kind === 'CALLRESULT' && fromCharger(obs) && (obs.action === 'UpdateFirmware' || obs.action === 'SignedUpdateFirmware')) {
          // 1.6 UpdateFirmware.conf has no status: the request is taken.
          const s = status(obs.payload);
          if (s === undefined || s === 'Accepted' || s === 'AcceptedCanceled') seen = new Set();
          return;
        }
        if (obs.kind !== 'CALL' || !fromCharger(obs) || seen === undefined) return;
        const reported = str(obs.payload?.['status']);
        if (reported === undefined) return;
        const needs = AFTER[reported];
        if (needs !== undefined && !needs.some((s) => seen!.has(s))) {
          ctx.report(FIRMWARE_STATUS_ORDER.id, obs, `Firmware status ${reported} without ${needs.join(' or ')} reported before it since the update request`, { path: '/status' });
        }
        seen.add(reported);
      },
    };
  },
};
