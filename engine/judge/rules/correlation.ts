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
  explanation: 'Each CALL needs a message id its sender has not used for another CALL before (checked over the last 256 CALLs per direction of a session, which catches reset counters and constant ids), retries included.',
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

/** Message ids remembered per direction for the duplicate check (bounded: this runs on every CALL). */
const MAX_REMEMBERED_IDS = 256;

/**
 * The message ids a sender used recently: a Map for lookups, a ring for eviction (deleting
 * the oldest key of a big Map by iterating it is slow in V8: iteration skips every deleted
 * slot until the table is rebuilt).
 */
class RecentIds {
  private readonly seqs = new Map<string, number>();
  private readonly ring: string[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  get(id: string): number | undefined {
    return this.seqs.get(id);
  }

  add(id: string, seq: number): void {
    if (this.ring.length < this.capacity) {
      this.ring.push(id);
    } else {
      this.seqs.delete(this.ring[this.next]!);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
    }
    this.seqs.set(id, seq);
  }
}


function opposite(dir: Direction): Direction {
  return dir === 'cp2csms' ? 'csms2cp' : 'cp2csms';
}

export const correlationRules: RuleModule = {
  name: 'correlation',
  rules: [OUTSTANDING_CALL, DUPLICATE_ID, RESPONSE_TIMEOUT, WRONG_RESPONSE_KIND],
  actions: '*',
  create(ctx) {
    /** Unanswered CALLs per direction, oldest first (Map order is insertion order). */
    const pending: Record<Direction, Map<string, Observation>> = { cp2csms: new Map(), csms2cp: new Map() };
    /**
     * One timer per direction, for the oldest unanswered CALL. It is not cancelled when that
     * CALL is answered: when it fires it reports what is overdue and re-arms for the oldest
     * CALL still waiting — one timer per timeout period instead of one per CALL.
     */
    const timers: Record<Direction, Timer | undefined> = { cp2csms: undefined, csms2cp: undefined };
    const used: Record<Direction, RecentIds> = { cp2csms: new RecentIds(MAX_REMEMBERED_IDS), csms2cp: new RecentIds(MAX_REMEMBERED_IDS) };
    const timeout = ctx.options.responseTimeoutMs;

    const onCall = (obs: Observation): void => {
      const seen = used[obs.dir];
      const earlier = seen.get(obs.id);
      if (earlier !== undefined) {
        ctx.report(DUPLICATE_ID.id, obs, `Message id "${obs.id}" was already used by the ${sideOf(obs.dir)}'s CALL at seq ${earlier}`);
      }
      seen.add(obs.id, obs.seq);

      const inFlight = pending[obs.dir];
      if (inFlight.size > 0) {
        const call = inFlight.values().next().value as Observation;
        ctx.report(
          OUTSTANDING_CALL.id,
          obs,
          `${obs.action} sent while the ${sideOf(obs.dir)}'s ${call.action} (id "${call.id}", seq ${call.seq}) was still unanswered after ${describeMs(obs.mono - call.mono)}`,
        );
      }
      if (inFlight.has(obs.id)) return;
      inFlight.set(obs.id, obs);
      if (timers[obs.dir] === undefined) timers[obs.dir] = ctx.at(obs.mono + timeout, (now) => overdue(obs.dir, now));
    };

    const overdue = (dir: Direction, now: number): void => {
      timers[dir] = undefined;
      const inFlight = pending[dir];
      for (const [id, call] of inFlight) {
        if (call.mono + timeout > now) {
          timers[dir] = ctx.at(call.mono + timeout, (t) => overdue(dir, t));
          return;
        }
        inFlight.delete(id);
        ctx.report(RESPONSE_TIMEOUT.id, call, `No answer to ${call.action} (id "${call.id}") within ${describeMs(timeout)}`);
      }
    };

    const onAnswer = (obs: Observation): void => {
      pending[opposite(obs.dir)].delete(obs.id);
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
