// Fault-injection rules: definitions are plain data (api/proxy.ts FaultRule, from a JSON or
// YAML file or an api command); this module checks them, explains each in a sentence, and
// decides which rule acts on a frame. What an effect does to the wire is in the relay.
import type { Direction, MessageKind } from '../../api/model';
import { FAULT_EFFECT_TYPES, type FaultEffect, type FaultMatch, type FaultRule, type FaultRuleInfo } from '../../api/proxy';
import { parsePath } from './json-edit';
import { seededRandom } from './prng';

const MESSAGE_KINDS: readonly MessageKind[] = ['CALL', 'CALLRESULT', 'CALLERROR', 'CALLRESULTERROR', 'SEND'];
const DIRECTIONS: readonly Direction[] = ['cp2csms', 'csms2cp'];
/** Frames that carry a payload an edit can change. */
const EDITABLE: ReadonlySet<MessageKind | undefined> = new Set(['CALL', 'SEND', 'CALLRESULT']);

export class RuleError extends Error {
  override name = 'RuleError';
}

/** What the relay knows about a frame when it asks which rule acts on it. */
export interface FrameFacts {
  dir: Direction;
  chargePointId: string;
  /** Undefined when the frame is not valid OCPP-J. */
  kind?: MessageKind;
  /** For a response, the action of the CALL it answers. */
  action?: string;
}

// ---- checking definitions

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(obj: Obj, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new RuleError(`${where}: unknown field "${key}" (expected ${allowed.join(', ')})`);
  }
}

function stringOrList(value: unknown, where: string): string | string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) return value as string[];
  throw new RuleError(`${where} must be a non-empty string or a list of them`);
}

function int(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RuleError(`${where} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Close codes an endpoint may send (RFC 6455 §7.4.1–§7.4.2). */
export function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

function checkMatch(value: unknown, where: string): FaultMatch | undefined {
  if (value === undefined) return undefined;
  if (!isObj(value)) throw new RuleError(`${where} must be an object`);
  only(value, ['direction', 'action', 'messageType', 'chargePointId'], where);
  const match: FaultMatch = {};
  if (value.direction !== undefined) {
    if (!DIRECTIONS.includes(value.direction as Direction)) throw new RuleError(`${where}.direction must be "cp2csms" or "csms2cp"`);
    match.direction = value.direction as Direction;
  }
  const action = stringOrList(value.action, `${where}.action`);
  if (action !== undefined) match.action = action;
  const kinds = stringOrList(value.messageType, `${where}.messageType`);
  if (kinds !== undefined) {
    for (const k of Array.isArray(kinds) ? kinds : [kinds]) {
      if (!MESSAGE_KINDS.includes(k as MessageKind)) throw new RuleError(`${where}.messageType "${k}" is not one of ${MESSAGE_KINDS.join(', ')}`);
    }
    match.messageType = kinds as MessageKind | MessageKind[];
  }
  if (value.chargePointId !== undefined) {
    if (typeof value.chargePointId !== 'string' || value.chargePointId === '') throw new RuleError(`${where}.chargePointId must be a non-empty string`);
    match.chargePointId = value.chargePointId;
  }
  return match;
}

function checkFields(value: unknown, where: string): Record<string, unknown> {
  if (!isObj(value) || Object.keys(value).length === 0) throw new RuleError(`${where} must be an object of path → value`);
  for (const path of Object.keys(value)) {
    try {
      parsePath(path);
    } catch (err) {
      throw new RuleError(`${where}: ${(err as Error).message}`);
    }
  }
  return value;
}

function checkEffect(value: unknown, where: string): FaultEffect {
  if (!isObj(value)) throw new RuleError(`${where} must be an object with a "type"`);
  const type = value.type;
  switch (type) {
    case 'delay':
      only(value, ['type', 'ms'], where);
      return { type, ms: int(value.ms, `${where}.ms`, 0, 3_600_000) };
    case 'drop':
      only(value, ['type'], where);
      return { type };
    case 'duplicate':
      only(value, ['type', 'copies'], where);
      return value.copies === undefined ? { type } : { type, copies: int(value.copies, `${where}.copies`, 1, 100) };
    case 'merge':
    case 'replace':
      only(value, ['type', 'fields'], where);
      return { type, fields: checkFields(value.fields, `${where}.fields`) };
    case 'answer': {
      only(value, ['type', 'result', 'error'], where);
      if ((value.result === undefined) === (value.error === undefined)) throw new RuleError(`${where} needs exactly one of "result" (a CALLRESULT payload) or "error"`);
      if (value.result !== undefined) {
        if (!isObj(value.result)) throw new RuleError(`${where}.result must be an object (the CALLRESULT payload)`);
        return { type, result: value.result };
      }
      const error = value.error;
      if (!isObj(error)) throw new RuleError(`${where}.error must be an object with a "code"`);
      only(error, ['code', 'description', 'details'], `${where}.error`);
      if (typeof error.code !== 'string' || error.code === '') throw new RuleError(`${where}.error.code must be an RPC error code such as "GenericError"`);
      if (error.description !== undefined && typeof error.description !== 'string') throw new RuleError(`${where}.error.description must be a string`);
      if (error.details !== undefined && !isObj(error.details)) throw new RuleError(`${where}.error.details must be an object`);
      const out: { code: string; description?: string; details?: Record<string, unknown> } = { code: error.code };
      if (error.description !== undefined) out.description = error.description as string;
      if (error.details !== undefined) out.details = error.details as Record<string, unknown>;
      return { type, error: out };
    }
    case 'close': {
      only(value, ['type', 'code', 'reason'], where);
      const effect: FaultEffect = { type };
      if (value.code !== undefined) {
        const code = int(value.code, `${where}.code`, 1000, 4999);
        if (!isSendableCloseCode(code)) throw new RuleError(`${where}.code ${code} cannot be sent in a close frame (RFC 6455 §7.4)`);
        effect.code = code;
      }
      if (value.reason !== undefined) {
        if (typeof value.reason !== 'string' || Buffer.byteLength(value.reason) > 123) throw new RuleError(`${where}.reason must be a string of at most 123 bytes`);
        effect.reason = value.reason;
      }
      return effect;
    }
    default:
      throw new RuleError(`${where}.type must be one of ${FAULT_EFFECT_TYPES.join(', ')}`);
  }
}

/** Checks one rule definition; `where` names it in errors (e.g. `rules.yaml: rule 2`). */
export function checkRule(value: unknown, where: string): FaultRule {
  if (!isObj(value)) throw new RuleError(`${where} must be an object with "match" and "effect"`);
  const named = typeof value.id === 'string' ? `${where} ("${value.id}")` : where;
  only(value, ['id', 'match', 'effect', 'count', 'probability', 'seed'], named);
  const rule: FaultRule = { effect: checkEffect(value.effect, `${named}: effect`) };
  if (value.id !== undefined) {
    if (typeof value.id !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(value.id)) throw new RuleError(`${where}: id must be 1–64 letters, digits, "_", "." or "-"`);
    rule.id = value.id;
  }
  const match = checkMatch(value.match, `${named}: match`);
  if (match !== undefined) rule.match = match;
  if (value.count !== undefined) rule.count = int(value.count, `${named}: count`, 1, Number.MAX_SAFE_INTEGER);
  if (value.probability !== undefined) {
    const p = value.probability;
    if (typeof p !== 'number' || !(p > 0 && p <= 1)) throw new RuleError(`${named}: probability must be a number above 0 and at most 1`);
    rule.probability = p;
  }
  if (value.seed !== undefined) rule.seed = int(value.seed, `${named}: seed`, 0, 0xffffffff);
  if (rule.effect.type === 'answer' && rule.match?.messageType !== undefined) {
    const kinds = Array.isArray(rule.match.messageType) ? rule.match.messageType : [rule.match.messageType];
    if (kinds.some((k) => k !== 'CALL')) throw new RuleError(`${named}: an "answer" rule answers CALLs only; drop messageType or set it to CALL`);
  }
  return rule;
}

/** Checks a list of rules (a file's content: a list, or an object with "rules"). */
export function checkRules(value: unknown, source: string): FaultRule[] {
  const list = isObj(value) && 'rules' in value ? value.rules : value;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new RuleError(`${source}: expected a list of rules (or an object with "rules")`);
  return list.map((r, i) => checkRule(r, `${source}: rule ${i + 1}`));
}

// ---- explaining

function listOf<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

function json(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const RESPONSES: ReadonlySet<MessageKind> = new Set(['CALLRESULT', 'CALLERROR', 'CALLRESULTERROR']);

function describeFrames(match: FaultMatch | undefined, effect: FaultEffect): string {
  let kinds = listOf(match?.messageType);
  if (effect.type === 'answer' && kinds.length === 0) kinds = ['CALL'];
  const actions = listOf(match?.action);
  const actionText = actions.length === 0 ? undefined : orList(actions);
  if (kinds.length === 0) return actionText === undefined ? 'every frame' : `${actionText} frames (calls and their answers)`;
  const kindText = orList(kinds.map((k) => `${k}s`));
  if (actionText === undefined) return kindText;
  if (kinds.every((k) => !RESPONSES.has(k))) return `${actionText} ${kindText}`;
  if (kinds.every((k) => RESPONSES.has(k))) return `${kindText} answering ${actionText}`;
  return `${kindText} of ${actionText}`;
}

function describeDirection(dir: Direction | undefined): string {
  if (dir === 'cp2csms') return 'from the charger to the CSMS';
  if (dir === 'csms2cp') return 'from the CSMS to the charger';
  return 'in either direction';
}

function describeChargePoint(glob: string | undefined): string {
  if (glob === undefined) return '';
  return /[*?]/.test(glob) ? ` for charge points matching "${glob}"` : ` for charge point ${glob}`;
}

/** The rule in one sentence, for the terminal, the UI and reports. */
export function describeRule(rule: FaultRule): string {
  const e = rule.effect;
  const frames = `${describeFrames(rule.match, e)} ${describeDirection(rule.match?.direction)}${describeChargePoint(rule.match?.chargePointId)}`;
  let sentence: string;
  switch (e.type) {
    case 'delay':
      sentence = `Delays ${frames} by ${e.ms} ms (later frames in the same direction wait behind them)`;
      break;
    case 'drop':
      sentence = `Drops ${frames}`;
      break;
    case 'duplicate': {
      const copies = e.copies ?? 1;
      sentence = `Sends ${frames} ${copies === 1 ? 'twice' : `${copies + 1} times`}`;
      break;
    }
    case 'merge': {
      const parts = Object.entries(e.fields).map(([path, v]) => (path === '' ? json(v) : `${json(v)} at ${path}`));
      sentence = `Merges ${parts.join(' and ')} into the payload of ${frames}`;
      break;
    }
    case 'replace': {
      const whole = e.fields[''];
      const parts = Object.entries(e.fields)
        .filter(([path]) => path !== '')
        .map(([path, v]) => `${path} to ${json(v)}`);
      sentence =
        whole !== undefined && parts.length === 0
          ? `Replaces the payload of ${frames} with ${json(whole)}`
          : `${whole !== undefined ? `Replaces the payload with ${json(whole)} and sets` : 'Sets'} ${parts.join(', ')} in ${frames}`;
      break;
    }
    case 'answer': {
      const dir = rule.match?.direction;
      const peer = dir === 'cp2csms' ? "the CSMS's" : dir === 'csms2cp' ? "the charger's" : "the other side's";
      const answer =
        e.result !== undefined ? `a CALLRESULT ${json(e.result)}` : `a CALLERROR ${e.error!.code}${e.error!.description ? ` ("${e.error!.description}")` : ''}`;
      sentence = `Answers ${frames} on ${peer} behalf with ${answer}, without forwarding them`;
      break;
    }
    case 'close':
      sentence = `Closes the connection with code ${e.code ?? 1000}${e.reason ? ` ("${e.reason}")` : ''} on ${frames}, instead of forwarding the frame`;
      break;
  }
  if (rule.count !== undefined) sentence += `, at most ${rule.count === 1 ? 'once' : `${rule.count} times`}`;
  if (rule.probability !== undefined && rule.probability < 1) sentence += `, each time with probability ${rule.probability} (seed ${rule.seed ?? 1})`;
  return `${sentence}.`;
}

// ---- deciding

function globRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function matcherOf(values: string[]): ((value: string | undefined) => boolean) | undefined {
  if (values.length === 0) return undefined;
  if (values.every((v) => !/[*?]/.test(v))) {
    const set = new Set(values);
    return (value) => value !== undefined && set.has(value);
  }
  const res = values.map(globRegExp);
  return (value) => value !== undefined && res.some((re) => re.test(value));
}

/** A checked rule with its state: how often it acted, and its random numbers. */
export class ActiveRule {
  readonly description: string;
  applied = 0;
  private readonly random: () => number;
  private readonly actionOk: ((a: string | undefined) => boolean) | undefined;
  private readonly chargePointOk: ((a: string | undefined) => boolean) | undefined;
  private readonly kinds: ReadonlySet<MessageKind> | undefined;

  constructor(
    readonly id: string,
    readonly rule: FaultRule,
  ) {
    this.description = describeRule(rule);
    this.random = seededRandom(rule.seed ?? 1);
    this.actionOk = matcherOf(listOf(rule.match?.action));
    this.chargePointOk = matcherOf(listOf(rule.match?.chargePointId));
    const kinds = listOf(rule.match?.messageType);
    this.kinds = kinds.length === 0 ? undefined : new Set(kinds);
  }

  get effect(): FaultEffect {
    return this.rule.effect;
  }

  get exhausted(): boolean {
    return this.rule.count !== undefined && this.applied >= this.rule.count;
  }

  /** Whether the rule could ever act on this charge point's frames. */
  concerns(chargePointId: string): boolean {
    return !this.exhausted && (this.chargePointOk === undefined || this.chargePointOk(chargePointId));
  }

  matches(f: FrameFacts): boolean {
    const m = this.rule.match;
    if (m?.direction !== undefined && m.direction !== f.dir) return false;
    if (this.kinds !== undefined && (f.kind === undefined || !this.kinds.has(f.kind))) return false;
    if (this.actionOk !== undefined && !this.actionOk(f.action)) return false;
    if (this.chargePointOk !== undefined && !this.chargePointOk(f.chargePointId)) return false;
    // An effect acts only on frames it can act on.
    const type = this.rule.effect.type;
    if (type === 'answer') return f.kind === 'CALL';
    if (type === 'merge' || type === 'replace') return EDITABLE.has(f.kind);
    return true;
  }

  /** Rolls the dice and counts: true when the rule acts on this (matching) frame. */
  take(): boolean {
    if (this.exhausted) return false;
    const p = this.rule.probability;
    if (p !== undefined && p < 1 && this.random() >= p) return false;
    this.applied++;
    return true;
  }

  info(): FaultRuleInfo {
    const info: FaultRuleInfo = { id: this.id, rule: { ...this.rule, id: this.id }, description: this.description, applied: this.applied };
    if (this.rule.count !== undefined) info.remaining = Math.max(0, this.rule.count - this.applied);
    return info;
  }
}

/** A proxy's rules, in order: the first rule that matches a frame and takes it acts on it. */
export class FaultRuleSet {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  /** Bumped on every change, so relays can cache what concerns them. */
  version = 0;

  constructor(rules: FaultRule[] = []) {
    this.set(rules);
  }

  get size(): number {
    return this.rules.length;
  }

  list(): FaultRuleInfo[] {
    return this.rules.map((r) => r.info());
  }

  /** Replaces every rule (checked first: on error nothing changes). */
  set(rules: FaultRule[]): FaultRuleInfo[] {
    const checked = rules.map((r, i) => checkRule(r, `rule ${i + 1}`));
    const next: ActiveRule[] = [];
    const taken = new Set<string>();
    for (const rule of checked) {
      const id = rule.id ?? this.freshId(taken, checked);
      if (taken.has(id)) throw new RuleError(`rule "${id}" appears twice: rule ids must be unique`);
      taken.add(id);
      next.push(new ActiveRule(id, rule));
    }
    this.rules = next;
    this.version++;
    return this.list();
  }

  add(rule: FaultRule): FaultRuleInfo[] {
    const checked = checkRule(rule, 'rule');
    const taken = new Set(this.rules.map((r) => r.id));
    const id = checked.id ?? this.freshId(taken, []);
    if (taken.has(id)) throw new RuleError(`there is already a rule "${id}"`);
    this.rules = [...this.rules, new ActiveRule(id, checked)];
    this.version++;
    return this.list();
  }

  /** Removes a rule; false when there is none with that id. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    if (this.rules.length === before) return false;
    this.version++;
    return true;
  }

  /** Whether any rule could act on this charge point's frames (false: relay untouched). */
  concerns(chargePointId: string): boolean {
    return this.rules.some((r) => r.concerns(chargePointId));
  }

  /** The rule that acts on this frame, if any (counts it as applied). */
  pick(facts: FrameFacts): ActiveRule | undefined {
    for (const rule of this.rules) {
      if (rule.matches(facts) && rule.take()) return rule;
    }
    return undefined;
  }

  private freshId(taken: Set<string>, pending: FaultRule[]): string {
    const reserved = new Set(pending.map((r) => r.id).filter((id): id is string => id !== undefined));
    for (;;) {
      const id = `r${this.nextId++}`;
      if (!taken.has(id) && !reserved.has(id)) return id;
    }
  }
}
