// Remote control follow-ups: an accepted remote start leads to a transaction for the given
// id token; an accepted TriggerMessage leads to the message it asked for; an accepted
// availability change leads to a status report. Each waits on the session's time line
// and, when nothing came, reports on the charger's acceptance.
import { triggeredActions } from '../behaviour/facts';
import { describeMs, int, obj, status, str, type Json } from '../behaviour/read';
import type { Observation, RuleModule, Timer } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const REMOTE_START_TIMEOUT = defineRule({
  id: 'timing.remote-start-timeout',
  severity: 'warning',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §5.11',
    '2.0.1': 'OCPP 2.0.1 F01/F02 (Part 6 general tool rules: remoteStartId)',
    '2.1': 'OCPP 2.1 F01/F02 (as 2.0.1)',
  },
  explanation: 'After accepting a RemoteStartTransaction (1.6) or RequestStartTransaction (2.x) the charger starts the transaction (StartTransaction, or a TransactionEvent carrying the remoteStartId) within the remote-start time (120 s unless configured); a warning because no EV may have been plugged in.',
});

export const REMOTE_START_ID_TOKEN = defineRule({
  id: 'state.remote-start-id-token',
  severity: 'error',
  group: 'state',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §5.11',
    '2.0.1': 'OCPP 2.0.1 F01 (RequestStartTransactionRequest.idToken)',
    '2.1': 'OCPP 2.1 F01 (as 2.0.1)',
  },
  explanation: 'The transaction a remote start leads to uses the id token the CSMS gave in the request.',
});

export const TRIGGER_NOT_FOLLOWED = defineRule({
  id: 'timing.trigger-not-followed',
  severity: 'warning',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §5.17; security whitepaper ed. 3 F06 (ExtendedTriggerMessage)',
    '2.0.1': 'OCPP 2.0.1 F06 (Part 6 TC_F_*_CS)',
    '2.1': 'OCPP 2.1 F06 (as 2.0.1)',
  },
  explanation: 'A message the charger accepted to send with TriggerMessage follows within the follow-up time (60 s unless configured).',
});

export const TRIGGER_ORDER = defineRule({
  id: 'sequence.trigger-order',
  severity: 'warning',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §5.17',
    '2.0.1': 'OCPP 2.0.1 F06 (Part 6 TC_F_*_CS: response, then the triggered message)',
    '2.1': 'OCPP 2.1 F06 (as 2.0.1)',
  },
  explanation: 'The charger answers TriggerMessage first and sends the requested message after; a requested message sent while the TriggerMessage was still unanswered is reported (a warning: it may have been sent for other reasons).',
});

export const AVAILABILITY_NOT_REPORTED = defineRule({
  id: 'timing.availability-not-reported',
  severity: 'warning',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §5.2',
    '2.0.1': 'OCPP 2.0.1 G03/G04 (Part 6 TC_G_*_CS)',
    '2.1': 'OCPP 2.1 G03/G04 (as 2.0.1)',
  },
  explanation: 'When an accepted ChangeAvailability changes a connector\'s availability, the charger reports the new status (StatusNotification, or a NotifyEvent on AvailabilityState in 2.x) within the follow-up time.',
});

interface RemoteStart {
  accepted: Observation;
  idToken: string | undefined;
  /** 1.6 connectorId or 2.x evseId, when the request named one. */
  scope: number | undefined;
  remoteStartId: number | undefined;
  timer: Timer;
}

interface Waiting {
  accepted: Observation;
  timer: Timer;
  matches: (obs: Observation) => boolean;
}

/** The id token of a 1.6 idTag or a 2.x IdTokenType. */
function tokenOf(value: unknown): string | undefined {
  return str(value) ?? str(obj(value)?.['idToken']);
}

export const remoteRules: RuleModule = {
  name: 'remote control',
  rules: [REMOTE_START_TIMEOUT, REMOTE_START_ID_TOKEN, TRIGGER_NOT_FOLLOWED, TRIGGER_ORDER, AVAILABILITY_NOT_REPORTED],
  actions: '*',
  create(ctx) {
    const v16 = ctx.version === '1.6';
    const starts: RemoteStart[] = [];
    const waiting: Waiting[] = [];
    /** TriggerMessages not yet answered, by message id, with the first requested message sent meanwhile. */
    const asked = new Map<string, { actions: readonly string[]; early?: Observation }>();
    /** Last reported status per connector (1.6) or "evse/connector" (2.x). */
    const statuses = new Map<string, string>();

    const wait = (accepted: Observation, ms: number, matches: (obs: Observation) => boolean, report: () => void): void => {
      const entry: Waiting = {
        accepted,
        matches,
        timer: ctx.at(accepted.mono + ms, () => {
          waiting.splice(waiting.indexOf(entry), 1);
          report();
        }),
      };
      waiting.push(entry);
    };

    const remoteStartAccepted = (obs: Observation, request: Json | undefined): void => {
      const entry: RemoteStart = {
        accepted: obs,
        idToken: tokenOf(request?.[v16 ? 'idTag' : 'idToken']),
        scope: int(request?.[v16 ? 'connectorId' : 'evseId']),
        remoteStartId: int(request?.['remoteStartId']),
        timer: ctx.at(obs.mono + ctx.options.remoteStartTimeoutMs, () => {
          starts.splice(starts.indexOf(entry), 1);
          ctx.report(REMOTE_START_TIMEOUT.id, obs, `${obs.action} was accepted, but no transaction started within ${describeMs(ctx.options.remoteStartTimeoutMs)}`);
        }),
      };
      starts.push(entry);
    };

    /** A charger message that starts (or, 2.x, reports) a transaction: settle the remote start it answers. */
    const transactionBegins = (obs: Observation): void => {
      if (starts.length === 0) return;
      const p = obs.payload;
      let token: string | undefined;
      let scope: number | undefined;
      let remoteStartId: number | undefined;
      let tokenPath: string;
      if (v16) {
        if (obs.action !== 'StartTransaction') return;
        token = tokenOf(p?.['idTag']);
        scope = int(p?.['connectorId']);
        tokenPath = '/idTag';
      } else {
        if (obs.action !== 'TransactionEvent') return;
        const info = obj(p?.['transactionInfo']);
        remoteStartId = int(info?.['remoteStartId']);
        if (remoteStartId === undefined && str(p?.['triggerReason']) !== 'RemoteStart') return;
        token = tokenOf(p?.['idToken']);
        scope = int(obj(p?.['evse'])?.['id']);
        tokenPath = '/idToken/idToken';
      }
      const byId = remoteStartId === undefined ? -1 : starts.findIndex((s) => s.remoteStartId === remoteStartId);
      const byToken = starts.findIndex((s) => token !== undefined && s.idToken === token && (s.scope === undefined || scope === undefined || s.scope === scope));
      const byScope = starts.findIndex((s) => s.scope !== undefined && s.scope === scope);
      const index = byId >= 0 ? byId : byToken >= 0 ? byToken : byScope;
      if (index < 0) return;
      const start = starts[index]!;
      starts.splice(index, 1);
      start.timer.cancel();
      if (token !== undefined && start.idToken !== undefined && token !== start.idToken) {
        ctx.report(REMOTE_START_ID_TOKEN.id, obs, `The transaction started for the remote start at seq ${start.accepted.seq} uses id token ${token}, not ${start.idToken}`, { path: tokenPath });
      }
    };

    const triggerAccepted = (obs: Observation, request: Json | undefined, early: Observation | undefined): void => {
      const requested = str(request?.['requestedMessage']);
      if (requested === undefined) return;
      const actions = triggeredActions(ctx.version, requested);
      if (actions.length === 0) return;
      if (early !== undefined) {
        // It came, but before the answer: the order is wrong, the follow-up is not missing.
        ctx.report(TRIGGER_ORDER.id, early, `${early.action} was sent before the charger answered the TriggerMessage for it (answered at seq ${obs.seq})`);
        return;
      }
      wait(obs, ctx.options.followUpTimeoutMs, (m) => actions.includes(m.action), () =>
        ctx.report(TRIGGER_NOT_FOLLOWED.id, obs, `The charger accepted to send ${requested}, but none came within ${describeMs(ctx.options.followUpTimeoutMs)}`),
      );
    };

    const statusKey = (obs: Observation): string | undefined => {
      const p = obs.payload;
      if (v16) {
        const connector = int(p?.['connectorId']);
        return connector === undefined ? undefined : String(connector);
      }
      const evse = int(p?.['evseId']);
      return evse === undefined ? undefined : `${evse}/${int(p?.['connectorId']) ?? 0}`;
    };

    const reportedStatus = (obs: Observation): { key: string; status: string } | undefined => {
      if (obs.action === 'StatusNotification') {
        const key = statusKey(obs);
        const value = str(obs.payload?.[v16 ? 'status' : 'connectorStatus']);
        return key === undefined || value === undefined ? undefined : { key, status: value };
      }
      if (obs.action === 'NotifyEvent' && !v16) {
        for (const d of (obs.payload?.['eventData'] as unknown[] | undefined) ?? []) {
          const data = obj(d);
          if (str(obj(data?.['variable'])?.['name']) !== 'AvailabilityState') continue;
          const evse = obj(obj(data?.['component'])?.['evse']);
          const id = int(evse?.['id']);
          const value = str(data?.['actualValue']);
          if (id !== undefined && value !== undefined) return { key: `${id}/${int(evse?.['connectorId']) ?? 0}`, status: value };
        }
      }
      return undefined;
    };

    const availabilityAccepted = (obs: Observation, request: Json | undefined): void => {
      const wanted = str(request?.[v16 ? 'type' : 'operationalStatus']);
      if (wanted !== 'Inoperative' && wanted !== 'Operative') return;
      let prefix: string | undefined;
      if (v16) {
        const connector = int(request?.['connectorId']);
        prefix = connector === undefined || connector === 0 ? undefined : String(connector);
      } else {
        const evse = obj(request?.['evse']);
        const id = int(evse?.['id']);
        prefix = id === undefined || id === 0 ? undefined : `${id}/${int(evse?.['connectorId']) ?? ''}`;
      }
      const inScope = (key: string): boolean => prefix === undefined || key === prefix || (!v16 && key.startsWith(prefix));
      const fits = (value: string): boolean => (wanted === 'Inoperative' ? value === 'Unavailable' : value !== 'Unavailable' && value !== 'Faulted');
      // Only a change is reported: expect one when a known status in scope differs from the target.
      const changes = [...statuses].some(([key, value]) => inScope(key) && !fits(value));
      if (!changes) return;
      wait(
        obs,
        ctx.options.followUpTimeoutMs,
        (m) => {
          const s = reportedStatus(m);
          return s !== undefined && inScope(s.key) && fits(s.status);
        },
        () => ctx.report(AVAILABILITY_NOT_REPORTED.id, obs, `ChangeAvailability to ${wanted} was accepted, but no matching status report came within ${describeMs(ctx.options.followUpTimeoutMs)}`),
      );
    };

    return {
      frame(obs) {
        if (obs.kind === 'CALL' && !fromCharger(obs)) {
          if (obs.action === 'TriggerMessage' || obs.action === 'ExtendedTriggerMessage') {
            const requested = str(obs.payload?.['requestedMessage']);
            if (requested !== undefined) asked.set(obs.id, { actions: triggeredActions(ctx.version, requested) });
          }
          return;
        }
        if (obs.kind === 'CALL' && fromCharger(obs)) {
          transactionBegins(obs);
          if (asked.size > 0) for (const a of asked.values()) if (a.early === undefined && a.actions.includes(obs.action)) a.early = obs;
          for (let i = waiting.length - 1; i >= 0; i--) {
            const w = waiting[i]!;
            if (w.matches(obs)) {
              w.timer.cancel();
              waiting.splice(i, 1);
            }
          }
          const reported = reportedStatus(obs);
          if (reported !== undefined) statuses.set(reported.key, reported.status);
          return;
        }
        if (obs.kind !== 'CALLRESULT' || !fromCharger(obs) || obs.request === undefined) {
          if (obs.kind === 'CALLERROR' && asked.size > 0) asked.delete(obs.id);
          return;
        }
        const request = obs.request.payload;
        const trigger = asked.size > 0 ? asked.get(obs.id) : undefined;
        if (trigger !== undefined) asked.delete(obs.id);
        const accepted = status(obs.payload) === 'Accepted';
        if (!accepted) return;
        switch (obs.action) {
          case 'RemoteStartTransaction':
          case 'RequestStartTransaction':
            return remoteStartAccepted(obs, request);
          case 'TriggerMessage':
          case 'ExtendedTriggerMessage':
            return triggerAccepted(obs, request, trigger?.early);
          case 'ChangeAvailability':
            return availabilityAccepted(obs, request);
        }
      },
    };
  },
};
