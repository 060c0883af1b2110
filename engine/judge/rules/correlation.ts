// Correlation rules: one CALL in flight per direction, message ids never reused, every
// CALL answered in time, answers of the right kind. (The response to an unknown id is
// found by the SessionJudge itself, which correlates frames; it is defined here too.)
import type { Direction } from '../../../api/model';
import { actionsOf } from '../../ocpp/catalog';
import { validatorFor } from '../../ocpp/schemas';
import { describeMs } from '../behaviour/read';
import type { Observation, RuleModule, Timer } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, sideOf } from './define';

const RPC = { '1.6': 'OCPP-J 1.6', '2.0.1': 'OCPP 2.0.1 Part 4', '2.1': 'OCPP 2.1 Part 4' } as const;

export const UNKNOWN_ID = defineRule({
  id: 'correlation.unknown-id',
  severity: 'error',
  group: 'correlation',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': `${RPC['1.6']} §4.1.4`, '2.0.1': `${RPC['2.0.1']} §4.1.4`, '2.1': `${RPC['2.1']} §4.1.4` },
  explanation: 'A CALLRESULT or CALLERROR must carry the message id of an outstanding CALL from the other side; an answer to no CALL cannot be matched.',
});

export const OUTSTANDING_CALL = defineRule({
  id: 'correlation.outstanding-call',
  severity: 'error',
  // 1.6 says SHOULD NOT; 2.0.1 and 2.1 say SHALL NOT.
  severityByVersion: { '1.6': 'warning' },
  group: 'correlation',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': `${RPC['1.6']} §4.1.1`, '2.0.1': `${RPC['2.0.1']} §4.1.1`, '2.1': `${RPC['2.1']} §4.1.1` },
  explanation: 'A side may have one CALL in flight: it sends the next CALL only once the previous one was answered or timed out (calls crossing from both sides are fine).',
});

export const DUPLICATE_ID = defineRule({
  id: 'correlation.duplicate-message-id',
  severity: 'error',
  group: 'correlation',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': `${RPC['1.6']} §4.1.4`, '2.0.1': `${RPC['2.0.1']} §4.1.4`, '2.1': `${RPC['2.1']} §4.1.4` },
  explanation: 'Each CALL needs a message id its sender has not used for another CALL before (checked over the last 65,536 CALLs per direction of a session), retries included.',
});

export const RESPONSE_TIMEOUT = defineRule({
  id: 'correlation.response-timeout',
  severity: 'error',
  group: 'correlation',
  versions: ALL_VERSIONS,
  specRefs: { '1.6': `${RPC['1.6']} §4.1.1`, '2.0.1': `${RPC['2.0.1']} §4.1.1`, '2.1': `${RPC['2.1']} §4.1.1` },
  explanation: 'Every CALL must be answered with a CALLRESULT or CALLERROR within the response timeout (30 s unless configured); the finding is placed on the unanswered CALL.',
});

export const WRONG_RESPONSE_KIND = defineRule({
  id: 'correlation.wrong-response-kind',
  severity: 'error',
  group: 'correlation',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': `${RPC['1.6']} §4.2.2`,
    '2.0.1': `${RPC['2.0.1']} §4.2.2`,
    '2.1': `${RPC['2.1']} §4.2.2–§4.2.4`,
  },
  explanation: 'An answer must fit what it answers: a CALLRESULT carries the response of the CALL\'s own action (not another action\'s), a SEND gets no answer, and a CALLRESULTERROR answers a CALLRESULT, not a CALL.',
});

/** Message ids remembered per direction for the duplicate check. */
const MAX_REMEMBERED_IDS = 65_536;

interface Pending {
  call: Observation;
  timer: Timer;
}

function opposite(dir: Direction): Direction {
  return dir === 'cp2csms' ? 'csms2cp' : 'cp2csms';
}

export const correlationRules: RuleModule = {
  name: 'correlation',
  rules: [OUTSTANDING_CALL, DUPLICATE_ID, RESPONSE_TIMEOUT, WRONG_RESPONSE_KIND],
  actions: '*',
  create(ctx) {
    const pending: Record<Direction, Map<string, Pending>> = { cp2csms: new Map(), csms2cp: new Map() };
    const used: Record<Direction, Map<string, number>> = { cp2csms: new Map(), csms2cp: new Map() };
    const timeout = ctx.options.responseTimeoutMs;

    const onCall = (obs: Observation): void => {
      const seen = used[obs.dir];
      const earlier = seen.get(obs.id);
      if (earlier !== undefined) {
        ctx.report(DUPLICATE_ID.id, obs, `Message id "${obs.id}" was already used by the ${sideOf(obs.dir)}'s CALL at seq ${earlier}`);
      } else if (seen.size >= MAX_REMEMBERED_IDS) {
        const oldest = seen.keys().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      seen.set(obs.id, obs.seq);

      const inFlight = pending[obs.dir];
      if (inFlight.size > 0) {
        const first = inFlight.values().next().value as Pending;
        const call = first.call;
        ctx.report(
          OUTSTANDING_CALL.id,
          obs,
          `${obs.action} sent while the ${sideOf(obs.dir)}'s ${call.action} (id "${call.id}", seq ${call.seq}) was still unanswered after ${describeMs(obs.mono - call.mono)}`,
        );
      }
      if (inFlight.has(obs.id)) return;
      const timer = ctx.at(obs.mono + timeout, () => {
        inFlight.delete(obs.id);
        ctx.report(RESPONSE_TIMEOUT.id, obs, `No answer to ${obs.action} (id "${obs.id}") within ${describeMs(timeout)}`);
      });
      inFlight.set(obs.id, { call: obs, timer });
    };

    const onAnswer = (obs: Observation): void => {
      const inFlight = pending[opposite(obs.dir)];
      const entry = inFlight.get(obs.id);
      if (entry !== undefined) {
        entry.timer.cancel();
        inFlight.delete(obs.id);
      }
      if (obs.kind === 'CALLRESULT' && !obs.schemaValid && obs.request !== undefined) wrongAction(obs);
    };

    /** A CALLRESULT that fails its own action's response schema but is a valid response of another action. */
    const wrongAction = (obs: Observation): void => {
      const payload = obs.payload;
      if (payload === undefined || Object.keys(payload).length === 0) return;
      const requester = opposite(obs.dir) === 'cp2csms' ? 'charger' : 'csms';
      const fits: string[] = [];
      for (const info of actionsOf(ctx.version)) {
        if (info.action === obs.action || info.unconfirmed === true) continue;
        if (info.initiator !== requester && info.initiator !== 'both') continue;
        const validate = validatorFor(ctx.version, info.action, 'response');
        if (validate !== undefined && validate(payload) === true) fits.push(info.action);
        if (fits.length > 3) break;
      }
      if (fits.length === 0) return;
      const shown = fits.length > 3 ? `${fits.slice(0, 3).join(', ')}…` : fits.join(', ');
      ctx.report(WRONG_RESPONSE_KIND.id, obs, `The answer to ${obs.action} is not a ${obs.action} response but fits the response of ${shown}`);
    };

    return {
      frame(obs) {
        if (obs.kind === 'CALL') onCall(obs);
        else if (obs.kind !== 'SEND') onAnswer(obs);
      },
    };
  },
};
