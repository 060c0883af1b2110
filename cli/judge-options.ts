// Judge options every command that judges traffic shares: a deviation profile and the
// response timeout. validate applies them to its own judge; proxy, csms and sim set them
// on their engine through the judge api commands, before traffic starts.
import { Option, type Command } from 'commander';
import { ApiError } from '../api/errors';
import type { Engine } from '../engine/engine';
import { JudgeSettings } from '../engine/judge/settings';
import { loadProfile, ProfileError } from '../engine/judge/profile';
import { parsePositiveNumber, UsageError } from './usage';

export interface JudgeFlags {
  profile?: string;
  /** Seconds. */
  responseTimeout?: number;
}

export function profileOption(): Option {
  return new Option('--profile <file>', 'deviation profile (YAML or JSON): downgrade or silence known non-conformances of this charger model (docs/deviation-profiles.md)');
}

export function responseTimeoutOption(): Option {
  return new Option('--response-timeout <seconds>', 'seconds a CALL may stay unanswered before it is reported (default 30)').argParser(parsePositiveNumber);
}

export function addJudgeOptions(command: Command): Command {
  return command.addOption(profileOption()).addOption(responseTimeoutOption());
}

/** Judge settings for an in-process judge (validate). A bad profile is a usage error naming file and line. */
export async function judgeSettingsFrom(flags: JudgeFlags): Promise<JudgeSettings> {
  const settings = new JudgeSettings();
  if (flags.profile !== undefined) {
    try {
      settings.setProfile(await loadProfile(flags.profile));
    } catch (err) {
      if (err instanceof ProfileError) throw new UsageError(err.message);
      throw err;
    }
  }
  if (flags.responseTimeout !== undefined) settings.setOptions({ responseTimeoutMs: flags.responseTimeout * 1000 });
  return settings;
}

/** Sets the flags on an engine before it carries traffic (proxy, csms, sim). */
export async function applyJudgeFlags(engine: Engine, flags: JudgeFlags): Promise<void> {
  try {
    if (flags.profile !== undefined) await engine.call('judge.profile.load', { path: flags.profile });
    if (flags.responseTimeout !== undefined) await engine.call('judge.options.set', { responseTimeoutMs: flags.responseTimeout * 1000 });
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'bad-args' || err.code === 'io')) throw new UsageError(err.message);
    throw err;
  }
}
