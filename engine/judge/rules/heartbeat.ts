// Heartbeat rules: the charger keeps the heartbeat interval it was given (by the accepted
// BootNotification, or by HeartbeatInterval configuration) within a tolerance. Silence is
// measured against any sign of life from the charger — an OCPP message in either role, or
// a WebSocket ping/pong — since those may stand in for a Heartbeat (OCPP 1.6 §4.6,
// OCPP-J 1.6 §5.3, 2.0.1 Part 4 §5.2).
import { triggerFor } from '../behaviour/facts';
import { describeMs } from '../behaviour/read';
import type { Observation, RuleContext, RuleModule, Timer } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const HEARTBEAT_LATE = defineRule({
  id: 'timing.heartbeat-late',
  severity: 'warning',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §4.6; OCPP-J 1.6 §5.3; OCTT TC_001_CS step 7',
    '2.0.1': 'OCPP 2.0.1 Part 2 appendices OCPPCommCtrlr.HeartbeatInterval; Part 4 §5.2',
    '2.1': 'OCPP 2.1 Part 2 appendices OCPPCommCtrlr.HeartbeatInterval; Part 4 §5.2',
  },
  explanation: 'An accepted charger shows a sign of life (a Heartbeat, any other message, or a WebSocket ping/pong) at least once per heartbeat interval plus the tolerance; the finding is placed on its last message before the silence.',
});

export const HEARTBEAT_EARLY = defineRule({
  id: 'timing.heartbeat-early',
  severity: 'warning',
  group: 'timing',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §4.6, §9.1.10 HeartbeatInterval; OCTT TC_001_CS step 7',
    '2.0.1': 'OCPP 2.0.1 Part 2 appendices OCPPCommCtrlr.HeartbeatInterval',
    '2.1': 'OCPP 2.1 Part 2 appendices OCPPCommCtrlr.HeartbeatInterval',
  },
  explanation: 'Heartbeats follow each other no faster than the heartbeat interval minus the tolerance, unless a TriggerMessage asked for one: a charger that heartbeats faster ignores its configured interval.',
});

/** Allowed deviation from an interval: a fraction of it, but at least the minimum slack. */
export function heartbeatSlack(ctx: RuleContext, intervalMs: number): number {
  return Math.max(intervalMs * ctx.options.heartbeatTolerance, ctx.options.heartbeatMinSlackMs);
}

export const heartbeatRules: RuleModule = {
  name: 'heartbeat',
  rules: [HEARTBEAT_LATE, HEARTBEAT_EARLY],
  actions: '*',
  create(ctx) {
    const facts = ctx.facts;
    let lastLife = -Infinity;
    let lastChargerFrame: Observation | undefined;
    let lastHeartbeat: Observation | undefined;
    let timer: Timer | undefined;
    let armedInterval: number | undefined;
    /** One finding per silence: set once reported, cleared by the next sign of life. */
    let silent = false;

    const deadline = (): number | undefined => {
      const interval = facts.heartbeatIntervalS;
      if (interval === undefined || facts.registration !== 'Accepted') return undefined;
      const ms = interval * 1000 * ctx.options.timeScale;
      return Math.max(lastLife, facts.heartbeatIntervalSince ?? -Infinity) + ms + heartbeatSlack(ctx, ms);
    };

    const arm = (): void => {
      if (silent) return;
      if (timer !== undefined && armedInterval === facts.heartbeatIntervalS) return;
      timer?.cancel();
      const at = deadline();
      if (at === undefined || !Number.isFinite(at)) {
        timer = undefined;
        return;
      }
      armedInterval = facts.heartbeatIntervalS;
      timer = ctx.at(at, fire);
    };

    const fire = (now: number): void => {
      timer = undefined;
      const at = deadline();
      if (at === undefined) return;
      if (now < at) {
        // Life was seen since the timer was set: wait for the new deadline.
        timer = ctx.at(at, fire);
        return;
      }
      silent = true;
      if (lastChargerFrame === undefined) return;
      const interval = facts.heartbeatIntervalS ?? 0;
      ctx.report(
        HEARTBEAT_LATE.id,
        lastChargerFrame,
        `No message, Heartbeat or ping from the charger for more than ${describeMs(at - Math.max(lastLife, facts.heartbeatIntervalSince ?? -Infinity))} after this frame (heartbeat interval ${interval} s plus tolerance)`,
      );
    };

    const life = (mono: number): void => {
      lastLife = mono;
      silent = false;
    };

    const early = (obs: Observation): void => {
      const previous = lastHeartbeat;
      lastHeartbeat = obs;
      const interval = facts.heartbeatIntervalS;
      if (previous === undefined || interval === undefined || facts.registration !== 'Accepted') return;
      // Only judge two heartbeats that were both sent under the current interval.
      if (previous.mono < (facts.heartbeatIntervalSince ?? Infinity)) return;
      if (triggerFor(facts, 'Heartbeat', obs.mono, ctx.options.followUpTimeoutMs) !== undefined) return;
      const ms = interval * 1000 * ctx.options.timeScale;
      const gap = obs.mono - previous.mono;
      if (gap < ms - heartbeatSlack(ctx, ms)) {
        ctx.report(HEARTBEAT_EARLY.id, obs, `Heartbeat ${describeMs(gap)} after the previous one (seq ${previous.seq}); the heartbeat interval is ${interval} s`);
      }
    };

    return {
      frame(obs) {
        if (fromCharger(obs)) {
          if (obs.kind === 'CALL' && obs.action === 'Heartbeat') early(obs);
          lastChargerFrame = obs;
          life(obs.mono);
        }
      },
      after() {
        // After the facts took the frame in: an accepted boot or a new interval arms at once.
        if (facts.heartbeatIntervalS !== undefined) arm();
      },
      activity(dir, mono) {
        if (dir === 'cp2csms') life(mono);
        arm();
      },
    };
  },
};
