// Handlers for the judge commands (api/judge.ts): the rule catalogue, the active deviation
// profile and the behaviour options. The settings live on the traffic store, which every
// recorder and capture loader of the engine reads.
import type { JudgeCommands, JudgeOptions } from '../../api/judge';
import { ApiError } from '../../api/errors';
import type { EngineContext } from '../engine';
import { badArgs, optionalVersion, requireString, type HandlerMap } from '../handlers';
import { listRules } from './catalogue';
import { loadProfile, ProfileError, summarize } from './profile';
import { DEFAULT_BEHAVIOUR_OPTIONS } from './behaviour/types';

export function judgeCommands(ctx: EngineContext): HandlerMap<JudgeCommands> {
  const settings = ctx.traffic.judging;
  settings.onChange((info) => ctx.bus.emit('judge.settings', info));
  return {
    'rules.list': (args) => listRules(optionalVersion(args)),
    'judge.settings': () => settings.info(),
    'judge.profile.load': async (args) => {
      const path = requireString(args, 'path');
      try {
        settings.setProfile(await loadProfile(path));
      } catch (err) {
        throw profileError(err);
      }
      return settings.info();
    },
    'judge.profile.clear': () => {
      settings.setProfile(undefined);
      return settings.info();
    },
    'judge.profile.check': async (args) => {
      const path = requireString(args, 'path');
      try {
        const profile = await loadProfile(path);
        return { ok: true, profile: summarize(profile), problems: [] };
      } catch (err) {
        if (err instanceof ProfileError) return { ok: false, problems: err.problems };
        throw err;
      }
    },
    'judge.options.set': (args) => {
      settings.setOptions(judgeOptions(args));
      return settings.info();
    },
  };
}

function profileError(err: unknown): unknown {
  if (err instanceof ProfileError) return new ApiError(err.kind === 'io' ? 'io' : 'bad-args', err.message);
  return err;
}

/** Checks `judge.options.set` arguments: known names, non-negative numbers. */
function judgeOptions(args: unknown): Partial<JudgeOptions> {
  const out: Partial<JudgeOptions> = {};
  for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
    if (!Object.hasOwn(DEFAULT_BEHAVIOUR_OPTIONS, key)) throw badArgs(`"${key}" is not a judge option (${Object.keys(DEFAULT_BEHAVIOUR_OPTIONS).join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw badArgs(`"${key}" must be a non-negative number`);
    out[key as keyof JudgeOptions] = value;
  }
  return out;
}
