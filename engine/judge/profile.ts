// Deviation profiles: a named file per charger model or vendor that records known
// non-conformances. Each entry downgrades or silences findings of named rules (exact ids
// or `prefix.*`), optionally only for certain actions or payload paths, so the known
// problem is shown as a deviation without hiding anything else. Silenced findings are
// kept with severity info and `deviation.silenced`, so they never count as errors.
// The format is described in docs/deviation-profiles.md.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { JudgeOptions, ProfileSummary } from '../../api/judge';
import type { Finding, Severity } from '../../api/model';
import { DEFAULT_BEHAVIOUR_OPTIONS } from './behaviour/types';

/** Options a charger model's profile may set; the time scale belongs to a run, not to a charger. */
const PROFILE_OPTIONS = Object.keys(DEFAULT_BEHAVIOUR_OPTIONS).filter((k) => k !== 'timeScale');
import { isKnownRulePattern, ruleMatches } from './catalogue';

export type DeviationSeverity = 'warning' | 'info' | 'silenced';

export interface Deviation {
  /** Exact rule id, `*`, or `prefix.*`. */
  rule: string;
  /** Only findings on frames of these actions (for a response: the action it answers). */
  actions?: string[];
  /** Only findings at these payload paths: JSON Pointers where `*` is one segment and `**` any rest. */
  paths?: string[];
  severity: DeviationSeverity;
  reason?: string;
  /** Compiled from `paths`. */
  pathMatchers?: RegExp[];
}

export interface DeviationProfile {
  name: string;
  description?: string;
  /** The file it came from. */
  path?: string;
  match?: { chargePointId?: string[]; vendor?: string; model?: string };
  options?: Partial<JudgeOptions>;
  deviations: Deviation[];
}

/** What a profile is applied against: the session's charger. */
export interface ProfileSubject {
  chargePointId?: string;
  vendor?: string;
  model?: string;
}

export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
    /** `io` when the file cannot be read, `invalid` when its content is wrong. */
    readonly kind: 'io' | 'invalid' = 'invalid',
  ) {
    super(problems.length === 1 ? problems[0]! : `${file} is not a valid deviation profile:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const TOP_KEYS = new Set(['name', 'description', 'match', 'options', 'deviations']);
const DEVIATION_KEYS = new Set(['rule', 'actions', 'paths', 'severity', 'reason']);
const MATCH_KEYS = new Set(['chargePointId', 'vendor', 'model']);

export async function loadProfile(path: string): Promise<DeviationProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ProfileError(path, [`Cannot read the deviation profile ${path}: ${(err as Error).message}`], 'io');
  }
  return parseProfile(text, path);
}

/** Parses and checks a profile (YAML or JSON — one parser reads both, with line numbers). */
export function parseProfile(text: string, file: string): DeviationProfile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ProfileError(
      file,
      doc.errors.map((e) => {
        const at = lines.linePos(e.pos[0]);
        return `${file}:${at.line}:${at.col}: ${firstLine(e.message)}`;
      }),
    );
  }
  const problems: string[] = [];
  const where = (path: ReadonlyArray<string | number>): string => {
    const line = lineOf(doc, lines, path);
    return line === undefined ? file : `${file}:${line}`;
  };
  const problem = (path: ReadonlyArray<string | number>, message: string) => problems.push(`${where(path)}: ${message}`);

  const value: unknown = doc.toJS();
  if (!isObject(value)) {
    throw new ProfileError(file, [`${file}: a deviation profile is a mapping with name and deviations`]);
  }
  for (const key of Object.keys(value)) if (!TOP_KEYS.has(key)) problem([key], `unknown field "${key}" (expected ${[...TOP_KEYS].join(', ')})`);
  const name = value['name'];
  if (typeof name !== 'string' || name.trim() === '') problem(['name'], '"name" must be a non-empty string naming the charger model or vendor');
  const profile: DeviationProfile = { name: typeof name === 'string' ? name.trim() : '', path: file, deviations: [] };
  if (value['description'] !== undefined) {
    if (typeof value['description'] === 'string') profile.description = value['description'];
    else problem(['description'], '"description" must be a string');
  }

  const match = value['match'];
  if (match !== undefined) {
    if (!isObject(match)) {
      problem(['match'], '"match" must be a mapping with chargePointId, vendor and/or model');
    } else {
      profile.match = {};
      for (const key of Object.keys(match)) if (!MATCH_KEYS.has(key)) problem(['match', key], `unknown field "match.${key}" (expected ${[...MATCH_KEYS].join(', ')})`);
      const ids = match['chargePointId'];
      if (ids !== undefined) {
        const list = typeof ids === 'string' ? [ids] : ids;
        if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) problem(['match', 'chargePointId'], '"match.chargePointId" must be a glob or a list of globs');
        else profile.match.chargePointId = list as string[];
      }
      for (const key of ['vendor', 'model'] as const) {
        const v = match[key];
        if (v === undefined) continue;
        if (typeof v !== 'string') problem(['match', key], `"match.${key}" must be a string (a glob)`);
        else profile.match[key] = v;
      }
    }
  }

  const options = value['options'];
  if (options !== undefined) {
    if (!isObject(options)) {
      problem(['options'], '"options" must be a mapping of behaviour options');
    } else {
      profile.options = {};
      for (const [key, v] of Object.entries(options)) {
        if (!PROFILE_OPTIONS.includes(key)) {
          problem(['options', key], `unknown option "${key}" (expected ${PROFILE_OPTIONS.join(', ')})`);
        } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
          problem(['options', key], `option "${key}" must be a non-negative number`);
        } else {
          profile.options[key as keyof JudgeOptions] = v;
        }
      }
    }
  }

  const deviations = value['deviations'];
  if (!Array.isArray(deviations)) {
    problem(deviations === undefined ? [] : ['deviations'], '"deviations" must be a list of entries with rule and severity');
  } else {
    deviations.forEach((entry, i) => {
      const at = ['deviations', i];
      if (!isObject(entry)) {
        problem(at, 'each deviation is a mapping with rule and severity');
        return;
      }
      for (const key of Object.keys(entry)) if (!DEVIATION_KEYS.has(key)) problem([...at, key], `unknown field "${key}" (expected ${[...DEVIATION_KEYS].join(', ')})`);
      const rule = entry['rule'];
      if (typeof rule !== 'string' || rule === '') {
        problem([...at, 'rule'], '"rule" must be a rule id, "prefix.*" or "*"');
      } else if (!isKnownRulePattern(rule)) {
        problem([...at, 'rule'], `unknown rule "${rule}" (see \`ocpp-bench rules\`)`);
      }
      const severity = entry['severity'];
      if (severity !== 'warning' && severity !== 'info' && severity !== 'silenced') {
        problem([...at, 'severity'], `"severity" must be warning, info or silenced${severity === 'error' ? ' (a profile only downgrades)' : ''}`);
      }
      const deviation: Deviation = { rule: String(rule), severity: severity as DeviationSeverity };
      const actions = entry['actions'];
      if (actions !== undefined) {
        const list = typeof actions === 'string' ? [actions] : actions;
        if (!Array.isArray(list) || list.length === 0 || list.some((a) => typeof a !== 'string')) problem([...at, 'actions'], '"actions" must be an action name or a list of them');
        else deviation.actions = list as string[];
      }
      const paths = entry['paths'];
      if (paths !== undefined) {
        const list = typeof paths === 'string' ? [paths] : paths;
        if (!Array.isArray(list) || list.length === 0 || list.some((p) => typeof p !== 'string' || (p !== '' && !p.startsWith('/')))) {
          problem([...at, 'paths'], '"paths" must be a JSON Pointer ("/a/*/b", "/a/**") or a list of them');
        } else {
          deviation.paths = list as string[];
          deviation.pathMatchers = deviation.paths.map(pointerPattern);
        }
      }
      if (entry['reason'] !== undefined) {
        if (typeof entry['reason'] === 'string') deviation.reason = entry['reason'];
        else problem([...at, 'reason'], '"reason" must be a string');
      }
      profile.deviations.push(deviation);
    });
  }
  if (problems.length > 0) throw new ProfileError(file, problems);
  return profile;
}

/** A profile's summary for the api. */
export function summarize(profile: DeviationProfile): ProfileSummary {
  const summary: ProfileSummary = { name: profile.name, deviations: profile.deviations.length };
  if (profile.path !== undefined) summary.path = profile.path;
  if (profile.description !== undefined) summary.description = profile.description;
  if (profile.match !== undefined) summary.match = structuredClone(profile.match);
  return summary;
}

/** Whether the profile applies to a charger; vendor and model conditions need its BootNotification. */
export function profileApplies(profile: DeviationProfile, subject: ProfileSubject): boolean {
  const m = profile.match;
  if (m === undefined) return true;
  if (m.chargePointId !== undefined && (subject.chargePointId === undefined || !m.chargePointId.some((g) => glob(g).test(subject.chargePointId!)))) return false;
  if (m.vendor !== undefined && (subject.vendor === undefined || !glob(m.vendor).test(subject.vendor))) return false;
  if (m.model !== undefined && (subject.model === undefined || !glob(m.model).test(subject.model))) return false;
  return true;
}

/** The profile's options apply to a session when its charge point id matches (known when it opens). */
export function profileOptionsApply(profile: DeviationProfile, chargePointId: string | undefined): boolean {
  const ids = profile.match?.chargePointId;
  return ids === undefined || (chargePointId !== undefined && ids.some((g) => glob(g).test(chargePointId)));
}

/**
 * Applies a profile to findings of one frame. Returns the same array when nothing matched
 * (the common case), else a new array with changed copies.
 */
export function applyProfile(profile: DeviationProfile, findings: Finding[], action: string | undefined): Finding[] {
  let out: Finding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const entry = profile.deviations.find((d) => matches(d, finding, action));
    if (entry === undefined) continue;
    out ??= findings.slice();
    out[i] = deviate(profile, entry, finding);
  }
  return out ?? findings;
}

function matches(d: Deviation, finding: Finding, action: string | undefined): boolean {
  if (finding.deviation !== undefined) return false;
  if (!ruleMatches(d.rule, finding.rule)) return false;
  if (d.actions !== undefined && (action === undefined || !d.actions.includes(action))) return false;
  if (d.pathMatchers !== undefined && (finding.path === undefined || !d.pathMatchers.some((re) => re.test(finding.path!)))) return false;
  return true;
}

function deviate(profile: DeviationProfile, d: Deviation, finding: Finding): Finding {
  const original = finding.severity;
  const copy: Finding = { ...finding, deviation: { profile: profile.name, originalSeverity: original } };
  if (d.severity === 'silenced') {
    copy.severity = 'info';
    copy.deviation!.silenced = true;
  } else if (RANK[d.severity] < RANK[original]) {
    // A profile only downgrades: an entry asking for more than the rule's severity keeps it.
    copy.severity = d.severity;
  }
  if (d.reason !== undefined) copy.deviation!.reason = d.reason;
  return copy;
}

/** A JSON Pointer pattern as a regular expression: `*` one segment, `**` any rest. */
export function pointerPattern(pattern: string): RegExp {
  if (pattern === '') return /^$/;
  const segments = pattern.slice(1).split('/');
  const parts = segments.map((s, i) => {
    if (s === '**') return i === segments.length - 1 ? '(?:/.*)?' : '(?:/[^/]*)*';
    if (s === '*') return '/[^/]*';
    return `/${escapeRegExp(s)}`;
  });
  return new RegExp(`^${parts.join('')}$`);
}

const globs = new Map<string, RegExp>();

/** A shell-style glob (`*`, `?`) as an anchored regular expression. */
export function glob(pattern: string): RegExp {
  let re = globs.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c))).join('')}$`);
    globs.set(pattern, re);
  }
  return re;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** 1-based line of the node at a path (a key's line for a missing value), if it can be found. */
function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range !== undefined && node.range !== null) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
