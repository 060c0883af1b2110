// Handlers of the simulator commands (api/sim.ts): start and stop simulated chargers, drive
// them as an operator, play scripts, read their state, list the faulty behaviours.
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import { SIM_OPERATOR_ACTIONS, type SimChargerState, type SimCommands, type SimOperatorStep, type SimScriptStep, type SimTlsFiles } from '../../api/sim';
import { CaptureWriter } from '../capture/writer';
import type { EngineContext } from '../engine';
import { badArgs, optionalInt, optionalString, optionalVersion, requireString, type HandlerMap } from '../handlers';
import { PROFILES_16 } from '../ocpp/catalog';
import { BEHAVIOURS } from './behaviours';
import { OperatorInputError, type SimulatedCharger, type SimulatedChargerOptions } from './charger';
import { BehaviourError, parseBehaviours } from './faults';
import { expandIds, Fleet, IdPatternError } from './fleet';
import { checkStep, playSimScript, SimScriptError } from './script';

async function readPem(file: unknown, name: string): Promise<string | undefined> {
  if (file === undefined) return undefined;
  if (typeof file !== 'string' || file === '') throw badArgs(`tls.${name} must be a file path`);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new ApiError('io', `Cannot read tls.${name} ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function checkScript(value: unknown, where: string): SimScriptStep[] {
  if (!Array.isArray(value)) throw badArgs(`"${where}" must be a list of steps`);
  try {
    return value.map((step, i) => checkStep(step, `${where} step ${i + 1}`));
  } catch (err) {
    if (err instanceof SimScriptError) throw badArgs(err.message);
    throw err;
  }
}

function optionalNumber(args: unknown, key: string, min: number, max: number): number | undefined {
  const value = (args as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= min || value > max) throw badArgs(`"${key}" must be a number above ${min} and at most ${max}`);
  return value;
}

function optionalBool(args: unknown, key: string): boolean | undefined {
  const value = (args as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badArgs(`"${key}" must be true or false`);
  return value;
}

export function simCommands(ctx: EngineContext): HandlerMap<SimCommands> {
  const fleets = new Set<Fleet>();
  const chargers = new Map<string, { charger: SimulatedCharger; fleet: Fleet }>();
  const dirty = new Set<string>();
  let flushTimer: NodeJS.Timeout | undefined;

  // State changes are coalesced into one event every 100 ms at most.
  const flush = () => {
    flushTimer = undefined;
    const list = [...dirty].flatMap((id) => {
      const entry = chargers.get(id);
      return entry === undefined ? [] : [entry.charger.summary()];
    });
    dirty.clear();
    if (list.length > 0) ctx.bus.emit('sim.chargers', { chargers: list });
  };
  const changed = (id: string) => {
    dirty.add(id);
    if (flushTimer === undefined) {
      flushTimer = setTimeout(flush, 100);
      flushTimer.unref();
    }
  };

  const stopFleet = async (fleet: Fleet, ids?: readonly string[]): Promise<SimChargerState[]> => {
    const states = await fleet.stop(ids);
    for (const s of states) chargers.delete(s.id);
    if (fleet.chargers.size === 0) fleets.delete(fleet);
    flush();
    return states;
  };

  ctx.onClose(async () => {
    await Promise.all([...fleets].map((f) => stopFleet(f)));
    if (flushTimer !== undefined) clearTimeout(flushTimer);
  });

  const find = (id: string) => {
    const entry = chargers.get(id);
    if (entry === undefined) throw new ApiError('not-found', `There is no simulated charger "${id}"`);
    return entry;
  };

  const play = (charger: SimulatedCharger, script: SimScriptStep[]) =>
    playSimScript(charger, script).catch((err: unknown) => {
      ctx.bus.alert('warning', 'sim', err instanceof Error ? err.message : String(err));
      throw err;
    });

  return {
    'sim.start': async (args) => {
      const url = requireString(args, 'url');
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined || (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')) throw badArgs(`"url" must be a ws:// or wss:// URL, got "${url}"`);
      const idPattern = requireString(args, 'id');
      const version = optionalVersion(args);
      if (version === undefined) throw badArgs('"version" must be "1.6", "2.0.1" or "2.1"');
      const count = optionalInt(args, 'count', 1, 10_000) ?? 1;
      const connectors = optionalInt(args, 'connectors', 1, 64) ?? 1;
      const securityProfile = optionalInt(args, 'securityProfile', 0, 3);
      const timeScale = optionalNumber(args, 'timeScale', 0, 100) ?? 1;
      const powerW = optionalNumber(args, 'powerW', 0, 10_000_000);
      const behaviours = args.behaviours ?? [];
      if (!Array.isArray(behaviours) || behaviours.some((b) => typeof b !== 'string')) throw badArgs('"behaviours" must be a list of names');
      try {
        parseBehaviours(behaviours, version);
      } catch (err) {
        if (err instanceof BehaviourError) throw badArgs(err.message);
        throw err;
      }
      let ids: string[];
      try {
        ids = expandIds(idPattern, count);
      } catch (err) {
        if (err instanceof IdPatternError) throw badArgs(err.message);
        throw err;
      }
      const clash = ids.find((id) => chargers.has(id));
      if (clash !== undefined) throw new ApiError('conflict', `A simulated charger "${clash}" is already running`);
      const profiles = args.profiles;
      if (profiles !== undefined && (!Array.isArray(profiles) || profiles.some((p) => !(PROFILES_16 as readonly string[]).includes(p)))) {
        throw badArgs(`"profiles" must be a list of ${PROFILES_16.join(', ')}`);
      }
      const settings = args.settings;
      if (settings !== undefined && (typeof settings !== 'object' || settings === null || Object.values(settings).some((v) => typeof v !== 'string'))) {
        throw badArgs('"settings" must map keys to string values');
      }
      const script = args.script === undefined ? undefined : checkScript(args.script, 'script');
      const tlsArgs = args.tls as SimTlsFiles | undefined;
      if (tlsArgs !== undefined && (typeof tlsArgs !== 'object' || tlsArgs === null)) throw badArgs('"tls" must be an object');
      const [ca, cert, key] = await Promise.all([readPem(tlsArgs?.caFile, 'caFile'), readPem(tlsArgs?.certFile, 'certFile'), readPem(tlsArgs?.keyFile, 'keyFile')]);
      if ((cert === undefined) !== (key === undefined)) throw badArgs('tls.certFile and tls.keyFile go together');
      const password = optionalString(args, 'password');
      const captureFile = optionalString(args, 'capture');
      const capture = captureFile === undefined ? undefined : await CaptureWriter.create(captureFile, { mode: 'sim', description: `simulated ${count > 1 ? `chargers ${ids[0]}…${ids.at(-1)}` : `charger ${ids[0]}`} (OCPP ${version}) against ${url}` });
      const options: Omit<SimulatedChargerOptions, 'id' | 'recorder' | 'onChange'> = {
        version: version as OcppVersion,
        url,
        connectors,
        timeScale,
        behaviours,
        ...(powerW !== undefined ? { powerW } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(ca !== undefined || cert !== undefined ? { tls: { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert, key: key! } : {}), ...(tlsArgs?.insecure === true ? { insecure: true } : {}) } } : {}),
        ...(tlsArgs?.insecure === true && ca === undefined && cert === undefined ? { tls: { insecure: true } } : {}),
        ...(securityProfile !== undefined ? { securityProfile } : {}),
        ...(optionalString(args, 'vendor') !== undefined ? { vendor: optionalString(args, 'vendor')! } : {}),
        ...(optionalString(args, 'model') !== undefined ? { model: optionalString(args, 'model')! } : {}),
        ...(optionalString(args, 'serialNumber') !== undefined ? { serialNumber: optionalString(args, 'serialNumber')! } : {}),
        ...(optionalString(args, 'firmwareVersion') !== undefined ? { firmwareVersion: optionalString(args, 'firmwareVersion')! } : {}),
        ...(optionalBool(args, 'fixedCable') !== undefined ? { fixedCable: optionalBool(args, 'fixedCable')! } : {}),
        ...(optionalBool(args, 'backupPower') !== undefined ? { backupPower: optionalBool(args, 'backupPower')! } : {}),
        ...(profiles !== undefined ? { profiles } : {}),
        ...(settings !== undefined ? { settings } : {}),
      };
      let fleet: Fleet | undefined;
      try {
        fleet = new Fleet({
          idPattern,
          count,
          charger: options,
          store: ctx.traffic,
          ...(capture !== undefined ? { capture } : {}),
          onChange: changed,
          onCaptureError: (err) => {
            ctx.bus.alert('error', 'sim', `${err.message}: the simulated chargers stop`);
            if (fleet !== undefined) void stopFleet(fleet);
          },
        });
      } catch (err) {
        await capture?.close();
        if (err instanceof OperatorInputError) throw badArgs(err.message);
        throw err;
      }
      fleets.add(fleet);
      for (const [id, charger] of fleet.chargers) chargers.set(id, { charger, fleet });
      fleet.start();
      if (script !== undefined) for (const charger of fleet.chargers.values()) void play(charger, script).catch(() => undefined);
      return { ids };
    },

    'sim.stop': async (args) => {
      const ids = args.ids;
      if (ids !== undefined && (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string'))) throw badArgs('"ids" must be a list of charger ids');
      if (ids !== undefined) for (const id of ids) find(id);
      const states: SimChargerState[] = [];
      for (const fleet of [...fleets]) {
        const mine = ids === undefined ? undefined : ids.filter((id) => fleet.chargers.has(id));
        if (mine !== undefined && mine.length === 0) continue;
        states.push(...(await stopFleet(fleet, mine)));
      }
      return { stopped: states.map((s) => s.id), states };
    },

    'sim.list': () => [...chargers.values()].map((e) => e.charger.summary()),

    'sim.state': (args) => {
      const { fleet } = find(requireString(args, 'id'));
      return fleet.state(requireString(args, 'id'))!;
    },

    'sim.operator': async (args) => {
      const { charger } = find(requireString(args, 'id'));
      const { id: _id, ...step } = args;
      if (!(SIM_OPERATOR_ACTIONS as readonly string[]).includes(step.action)) throw badArgs(`"action" must be one of ${SIM_OPERATOR_ACTIONS.join(', ')}`);
      const checked = checkScript([step], 'operator')[0] as SimOperatorStep;
      try {
        await charger.perform(checked);
      } catch (err) {
        if (err instanceof OperatorInputError || (err instanceof Error && /no (connector|EVSE)/i.test(err.message))) throw badArgs(err.message);
        throw err;
      }
      return charger.summary();
    },

    'sim.play': async (args) => {
      const script = checkScript(args.script, 'script');
      const id = optionalString(args, 'id');
      const targets = id !== undefined ? [find(id).charger] : [...chargers.values()].map((e) => e.charger);
      if (targets.length === 0) throw badArgs('No simulated charger is running');
      try {
        await Promise.all(targets.map((c) => play(c, script)));
      } catch (err) {
        if (err instanceof SimScriptError) throw new ApiError('conflict', err.message);
        throw err;
      }
      return { steps: script.length };
    },

    'sim.behaviours': (args) => {
      const version = optionalVersion(args);
      return BEHAVIOURS.filter((b) => version === undefined || (b.versions as readonly string[]).includes(version)).map((b) => ({ ...b, versions: [...b.versions], targets: [...b.targets] }));
    },
  };
}
