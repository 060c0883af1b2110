// The engine's judge settings: the active deviation profile and behaviour options. Every
// judging path of an engine reads them — live recording, capture open and validate — so
// one `judge.profile.load` affects them all. Live sessions read the profile at each frame
// (a change applies to frames judged from then on); timing options are fixed when a
// session's judge is created.
import type { JudgeOptions, JudgeSettings as JudgeSettingsInfo } from '../../api/judge';
import { DEFAULT_BEHAVIOUR_OPTIONS, type ConnectionFacts } from './behaviour/types';
import { profileOptionsApply, summarize, type DeviationProfile } from './profile';
import type { SessionJudgeOptions } from './session-judge';

export class JudgeSettings {
  profile: DeviationProfile | undefined;
  /** Options set by command or command line; they win over the profile's. */
  options: Partial<JudgeOptions> = {};
  private readonly listeners = new Set<(settings: JudgeSettingsInfo) => void>();

  constructor(init: { profile?: DeviationProfile; options?: Partial<JudgeOptions> } = {}) {
    this.profile = init.profile;
    if (init.options !== undefined) this.options = { ...init.options };
  }

  setProfile(profile: DeviationProfile | undefined): void {
    this.profile = profile;
    this.changed();
  }

  setOptions(options: Partial<JudgeOptions>): void {
    this.options = { ...this.options, ...options };
    this.changed();
  }

  /** Called when the settings change (the engine pushes a `judge.settings` event). */
  onChange(listener: (settings: JudgeSettingsInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The options in force for a session of this charger. */
  effectiveOptions(chargePointId?: string): JudgeOptions {
    const profile = this.profile;
    const fromProfile = profile?.options !== undefined && profileOptionsApply(profile, chargePointId) ? profile.options : {};
    return { ...DEFAULT_BEHAVIOUR_OPTIONS, ...fromProfile, ...this.options };
  }

  /** Options for a new SessionJudge. */
  sessionOptions(session: { chargePointId?: string; connection?: ConnectionFacts } = {}): SessionJudgeOptions {
    const options: SessionJudgeOptions = {
      behaviour: this.effectiveOptions(session.chargePointId),
      profile: () => this.profile,
    };
    if (session.chargePointId !== undefined) options.chargePointId = session.chargePointId;
    if (session.connection !== undefined) options.connection = session.connection;
    return options;
  }

  info(): JudgeSettingsInfo {
    const info: JudgeSettingsInfo = { options: this.effectiveOptions() };
    if (this.profile !== undefined) info.profile = summarize(this.profile);
    return info;
  }

  private changed(): void {
    const info = this.info();
    for (const listener of this.listeners) listener(info);
  }
}

/** Connection facts from what a capture or the recorder knows about a connection. */
export function connectionFacts(info: { tls?: { version?: string } | undefined; authUser?: string | undefined }): ConnectionFacts {
  const facts: ConnectionFacts = { secure: info.tls !== undefined, basicAuth: info.authUser !== undefined };
  if (info.tls?.version !== undefined) facts.tlsVersion = info.tls.version;
  return facts;
}
