// Boot rules: BootNotification first, the Pending and Rejected restrictions on both
// sides, the retry interval, and the connector status report after acceptance.
// OCPP 1.6 §4.2; OCTT 1.6 TC_001_CS/TC_002_CS; 2.0.1 use cases B01–B03 as quoted by
// Part 6 TC_B_01_CS, TC_B_02_CS, TC_B_03_CS, TC_B_30_CS and TC_B_30_CSMS.
import { triggerFor } from '../behaviour/facts';
import { describeMs, obj, str } from '../behaviour/read';
import type { Observation, RuleContext, RuleModule, Timer } from '../behaviour/types';
import { ALL_VERSIONS, V16, V2X, defineRule, fromCharger, fromCsms } from './define';

export const BOOT_FIRST = defineRule({
  id: 'sequence.boot-first',
  severity: 'error',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': 'OCPP 1.6 §4.2', '2.0.1': 'OCPP 2.0.1 B01 (Part 6 TC_B_01_CS)', '2.1': 'OCPP 2.1 B01 (as 2.0.1)' },
  explanation: 'After booting, the charger sends BootNotification before any other request; a session whose first BootNotification (not a triggered one) comes after other requests broke that order. A charger that only reconnects need not boot.',
});

export const PENDING_CHARGER = defineRule({
  id: 'sequence.pending-charger-message',
  severity: 'error',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': 'OCPP 1.6 §4.2', '2.0.1': 'OCPP 2.0.1 B02.FR.09 (Part 6 TC_B_30_CSMS)', '2.1': 'OCPP 2.1 B02 (as 2.0.1 B02.FR.09)' },
  explanation: 'While its registration is Pending the charger sends no requests except BootNotification, messages the CSMS asked for with TriggerMessage, and (2.x) the NotifyReport a report request asked for.',
});

export const REJECTED_CHARGER = defineRule({
  id: 'sequence.rejected-charger-message',
  severity: 'error',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': 'OCPP 1.6 §4.2', '2.0.1': 'OCPP 2.0.1 B03.FR.08 (Part 6 TC_B_03_CS, TC_B_30_CS)', '2.1': 'OCPP 2.1 B03 (as 2.0.1 B03.FR.08)' },
  explanation: 'While Rejected the charger sends nothing but its next BootNotification; it does not answer CSMS requests (1.6) or answers them only with a CALLERROR SecurityError (2.x).',
});

export const PENDING_CSMS = defineRule({
  id: 'sequence.pending-csms-message',
  severity: 'error',
  group: 'sequence',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.2' },
  explanation: 'While a charger is Pending the Central System must not send RemoteStartTransaction or RemoteStopTransaction.',
});

export const REJECTED_CSMS = defineRule({
  id: 'sequence.rejected-csms-message',
  severity: 'warning',
  group: 'sequence',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.2' },
  explanation: 'While a charger is Rejected the Central System should not initiate any message.',
});

export const PENDING_REMOTE_START = defineRule({
  id: 'sequence.pending-remote-start-accepted',
  severity: 'error',
  group: 'sequence',
  versions: V2X,
  specRefs: { '2.0.1': 'OCPP 2.0.1 B02 (Part 6 TC_B_02_CS step 12)', '2.1': 'OCPP 2.1 B02 (as 2.0.1)' },
  explanation: 'A charging station whose registration is Pending rejects a RequestStartTransactionRequest.',
});

export const NOT_ACCEPTED_ANSWER = defineRule({
  id: 'sequence.not-accepted-answer',
  severity: 'error',
  group: 'sequence',
  versions: V2X,
  specRefs: { '2.0.1': 'OCPP 2.0.1 B02.FR.09, B03.FR.07 (Part 6 TC_B_30_CSMS)', '2.1': 'OCPP 2.1 B02/B03 (as 2.0.1 B02.FR.09, B03.FR.07)' },
  explanation: 'When a Pending or Rejected charging station sends a request it may not send, the CSMS answers it with a CALLERROR SecurityError.',
});

export const RETRY_AFTER_REJECTED = defineRule({
  id: 'timing.boot-retry-after-rejected',
  severity: 'error',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': 'OCPP 1.6 §4.2; OCTT TC_001_CS step 3', '2.0.1': 'OCPP 2.0.1 B03 (Part 6 TC_B_03_CS)', '2.1': 'OCPP 2.1 B03 (as 2.0.1)' },
  explanation: 'After a Rejected registration the charger waits at least the interval the CSMS gave before its next BootNotification.',
});

export const RETRY_AFTER_PENDING = defineRule({
  id: 'timing.boot-retry-after-pending',
  severity: 'warning',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': 'OCPP 1.6 §4.2; OCTT TC_002_CS step 7', '2.0.1': 'OCPP 2.0.1 B02 (Part 6 TC_B_02_CS)', '2.1': 'OCPP 2.1 B02 (as 2.0.1)' },
  explanation: 'After a Pending registration the charger waits the interval the CSMS gave before its next BootNotification, unless a TriggerMessage asked for it.',
});

export const STATUS_AFTER_BOOT = defineRule({
  id: 'sequence.status-after-boot',
  severity: 'warning',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': 'OCTT 1.6 TC_001_CS step 5', '2.0.1': 'OCPP 2.0.1 B01 (Part 6 TC_B_01_CS post-scenario validation)', '2.1': 'OCPP 2.1 B01 (as 2.0.1)' },
  explanation: 'Once its BootNotification is accepted the charger reports the state of its connectors (StatusNotification, or a NotifyEvent on AvailabilityState in 2.x) within the follow-up time (60 s unless configured).',
});

/** 2.x: requests a Pending station may send besides BootNotification and triggered messages (TC_B_30_CSMS). */
const PENDING_ALLOWED_2X = new Set(['BootNotification', 'NotifyReport']);

function isStatusReport(obs: Observation): boolean {
  if (obs.action === 'StatusNotification') return true;
  if (obs.action !== 'NotifyEvent') return false;
  // 2.0.1 G01 / TC_B_01_CS: the connector state may come as a NotifyEvent on AvailabilityState.
  const data = obs.payload?.['eventData'];
  return Array.isArray(data) && data.some((d) => str(obj(obj(d)?.['variable'])?.['name']) === 'AvailabilityState');
}

/** True when a BootNotification was asked for (TriggerMessage) rather than sent after a boot. */
function triggeredBoot(ctx: RuleContext, obs: Observation): boolean {
  if (str(obs.payload?.['reason']) === 'Triggered') return true;
  return triggerFor(ctx.facts, 'BootNotification', obs.mono, ctx.options.followUpTimeoutMs) !== undefined;
}

export const bootRules: RuleModule = {
  name: 'boot',
  rules: [
    BOOT_FIRST,
    PENDING_CHARGER,
    REJECTED_CHARGER,
    PENDING_CSMS,
    REJECTED_CSMS,
    PENDING_REMOTE_START,
    NOT_ACCEPTED_ANSWER,
    RETRY_AFTER_REJECTED,
    RETRY_AFTER_PENDING,
    STATUS_AFTER_BOOT,
  ],
  actions: '*',
  create(ctx) {
    const facts = ctx.facts;
    /** The first charger request of the session, while no BootNotification has been seen. */
    let firstRequest: Observation | undefined;
    let bootChecked = false;
    /** Ids of charger requests sent while not accepted, awaiting the CSMS's answer (2.x). */
    const forbidden = new Map<string, Observation>();
    let statusTimer: Timer | undefined;

    const chargerCall = (obs: Observation): void => {
      if (obs.action === 'BootNotification') {
        if (!bootChecked && !facts.bootSeen) {
          bootChecked = true;
          if (firstRequest !== undefined && !triggeredBoot(ctx, obs)) {
            ctx.report(BOOT_FIRST.id, firstRequest, `${firstRequest.action} was sent before the charger's BootNotification (seq ${obs.seq}) in the same session`);
          }
        }
        retryInterval(obs);
        return;
      }
      if (!facts.bootSeen && firstRequest === undefined) firstRequest = obs;
      if (statusTimer !== undefined && isStatusReport(obs)) {
        statusTimer.cancel();
        statusTimer = undefined;
      }
      if (facts.registration === 'Pending') {
        const triggered = triggerFor(facts, obs.action, obs.mono, ctx.options.followUpTimeoutMs) !== undefined;
        const allowed = triggered || (ctx.version !== '1.6' && PENDING_ALLOWED_2X.has(obs.action));
        if (!allowed) {
          ctx.report(PENDING_CHARGER.id, obs, `${obs.action} sent while the registration is Pending (only BootNotification and requested messages are allowed)`);
          forbidden.set(obs.id, obs);
        }
      } else if (facts.registration === 'Rejected') {
        ctx.report(REJECTED_CHARGER.id, obs, `${obs.action} sent while the registration is Rejected (only the next BootNotification is allowed)`);
        forbidden.set(obs.id, obs);
      }
    };

    const retryInterval = (obs: Observation): void => {
      const at = facts.registrationAt;
      const interval = facts.registrationIntervalS;
      if (at === undefined || interval === undefined || interval <= 0) return;
      const waited = obs.mono - at;
      if (waited >= interval * 1000 * ctx.options.timeScale) return;
      if (facts.registration === 'Rejected') {
        ctx.report(RETRY_AFTER_REJECTED.id, obs, `BootNotification ${describeMs(waited)} after a Rejected registration; the CSMS asked to wait ${interval} s`);
      } else if (facts.registration === 'Pending' && !triggeredBoot(ctx, obs)) {
        ctx.report(RETRY_AFTER_PENDING.id, obs, `BootNotification ${describeMs(waited)} after a Pending registration; the CSMS asked to wait ${interval} s`);
      }
    };

    const csmsCall = (obs: Observation): void => {
      if (facts.registration === 'Pending' && (obs.action === 'RemoteStartTransaction' || obs.action === 'RemoteStopTransaction')) {
        ctx.report(PENDING_CSMS.id, obs, `${obs.action} sent to a charger whose registration is Pending`);
      } else if (facts.registration === 'Rejected') {
        ctx.report(REJECTED_CSMS.id, obs, `${obs.action} sent to a charger whose registration is Rejected`);
      }
    };

    /** The charger's answer to a CSMS request. */
    const chargerAnswer = (obs: Observation): void => {
      if (facts.registration === 'Rejected') {
        if (ctx.version === '1.6') {
          ctx.report(REJECTED_CHARGER.id, obs, `The charger answered ${obs.action} while Rejected; it must not respond to Central System requests`);
        } else if (obs.kind !== 'CALLERROR' || obs.errorCode !== 'SecurityError') {
          ctx.report(REJECTED_CHARGER.id, obs, `The charging station answered ${obs.action} while Rejected with ${describeAnswer(obs)} instead of a CALLERROR SecurityError`);
        }
      } else if (facts.registration === 'Pending' && obs.action === 'RequestStartTransaction' && obs.kind === 'CALLRESULT' && str(obs.payload?.['status']) === 'Accepted') {
        ctx.report(PENDING_REMOTE_START.id, obs, 'RequestStartTransaction accepted while the registration is Pending', { path: '/status' });
      }
    };

    /** The CSMS's answer to a charger request. */
    const csmsAnswer = (obs: Observation): void => {
      if (obs.action === 'BootNotification' && obs.kind === 'CALLRESULT' && str(obs.payload?.['status']) === 'Accepted') {
        statusTimer?.cancel();
        statusTimer = ctx.at(obs.mono + ctx.options.followUpTimeoutMs, () => {
          statusTimer = undefined;
          ctx.report(STATUS_AFTER_BOOT.id, obs, `No connector status report within ${describeMs(ctx.options.followUpTimeoutMs)} of the accepted BootNotification`);
        });
      }
      if (forbidden.size === 0) return;
      const request = forbidden.get(obs.id);
      if (request === undefined) return;
      forbidden.delete(obs.id);
      if (obs.kind !== 'CALLERROR' || obs.errorCode !== 'SecurityError') {
        ctx.report(NOT_ACCEPTED_ANSWER.id, obs, `The CSMS answered the forbidden ${request.action} (seq ${request.seq}) with ${describeAnswer(obs)} instead of a CALLERROR SecurityError`);
      }
    };

    return {
      frame(obs) {
        if (obs.kind === 'CALL') {
          if (fromCharger(obs)) chargerCall(obs);
          else csmsCall(obs);
        } else if (obs.kind === 'CALLRESULT' || obs.kind === 'CALLERROR') {
          if (fromCharger(obs)) chargerAnswer(obs);
          else if (fromCsms(obs)) csmsAnswer(obs);
        }
      },
    };
  },
};

function describeAnswer(obs: Observation): string {
  return obs.kind === 'CALLERROR' ? `a CALLERROR ${obs.errorCode ?? ''}`.trimEnd() : 'a CALLRESULT';
}
