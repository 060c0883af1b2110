// Handlers of the CSMS commands (api/csms.ts): start and stop standalone CSMSs, read
// their chargers' state, send CALLs, change responders and settings.
import { readFile } from 'node:fs/promises';
import type { CsmsCommands, CsmsTlsArgs } from '../../api/csms';
import { ApiError } from '../../api/errors';
import type { EngineContext } from '../engine';
import { CaptureWriter } from '../capture/writer';
import { badArgs, optionalInt, optionalString, optionalVersion, requireString, type HandlerMap } from '../handlers';
import type { TlsServerOptions } from '../net/listener';
import { actionInfo } from '../ocpp/catalog';
import { CSMS_BEHAVIOURS, checkBehaviours } from './behaviours';
import { freshTemplate } from './compose';
import { StandaloneCsms } from './server';
import { defaultSettings, loadSettingsFile, mergeSettings, SettingsError } from './settings';

/** Splits `HOST:PORT` (IPv6 hosts in brackets: `[::1]:9000`). */
export function parseListen(listen: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(listen.trim());
  const port = match === null ? NaN : Number(match[3]);
  if (match === null || port > 65535) throw badArgs(`"listen" must be HOST:PORT (e.g. 0.0.0.0:9000 or [::1]:9000), got "${listen}"`);
  return { host: match[1] ?? match[2]!, port };
}

async function tlsOptions(tls: CsmsTlsArgs | undefined): Promise<TlsServerOptions | undefined> {
  if (tls === undefined) return undefined;
  if (typeof tls !== 'object' || tls === null) throw badArgs('"tls" must be an object');
  const pick = async (text: unknown, file: unknown, name: string): Promise<string | undefined> => {
    if (text !== undefined && file !== undefined) throw badArgs(`give tls.${name} or tls.${name}File, not both`);
    if (text !== undefined) {
      if (typeof text !== 'string' || !text.includes('-----BEGIN')) throw badArgs(`tls.${name} must be PEM text`);
      return text;
    }
    if (file !== undefined) {
      if (typeof file !== 'string' || file === '') throw badArgs(`tls.${name}File must be a file path`);
      try {
        return await readFile(file, 'utf8');
      } catch (err) {
        throw new ApiError('io', `Cannot read tls.${name}File ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return undefined;
  };
  const cert = await pick(tls.cert, tls.certFile, 'cert');
  const key = await pick(tls.key, tls.keyFile, 'key');
  const clientCa = await pick(tls.clientCa, tls.clientCaFile, 'clientCa');
  if (cert === undefined || key === undefined) throw badArgs('TLS needs both a server certificate and its key');
  return { cert, key, ...(clientCa !== undefined ? { clientCa } : {}) };
}

/** Settings errors are the caller's: report them as bad arguments. */
function settingsErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SettingsError) throw badArgs(err.message);
    throw err;
  }
}

export function csmsCommands(ctx: EngineContext): HandlerMap<CsmsCommands> {
  const running = new Map<string, StandaloneCsms>();
  ctx.onClose(async () => {
    await Promise.all([...running.values()].map((csms) => csms.stop('the engine is closing')));
  });

  const pick = (args: unknown): StandaloneCsms => {
    const id = optionalString(args, 'id');
    if (id !== undefined) {
      const csms = running.get(id);
      if (csms === undefined) throw new ApiError('not-found', `There is no running CSMS "${id}"`);
      return csms;
    }
    if (running.size === 1) return [...running.values()][0]!;
    throw badArgs(running.size === 0 ? 'No CSMS is running' : `${running.size} CSMSs are running: say which with "id"`);
  };

  return {
    'csms.start': async (args) => {
      const { host, port } = parseListen(requireString(args, 'listen'));
      const tls = await tlsOptions(args.tls);
      const config = optionalString(args, 'config');
      let settings = defaultSettings();
      if (config !== undefined) {
        try {
          settings = await loadSettingsFile(config, settings);
        } catch (err) {
          if (err instanceof SettingsError) throw badArgs(err.message);
          throw new ApiError('io', `Cannot read the CSMS config ${config}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const patch = args.settings;
      settings = settingsErrors(() => mergeSettings(settings, patch));
      const keepCredentials = (args as { keepCredentials?: unknown }).keepCredentials;
      if (keepCredentials !== undefined && typeof keepCredentials !== 'boolean') throw badArgs('"keepCredentials" must be true or false');
      const behaviours = (args as { behaviours?: unknown }).behaviours;
      if (behaviours !== undefined && (!Array.isArray(behaviours) || behaviours.some((b) => typeof b !== 'string'))) throw badArgs('"behaviours" must be a list of names');
      const unknown = behaviours === undefined ? undefined : checkBehaviours(behaviours as string[]);
      if (unknown !== undefined) throw badArgs(unknown);
      const capturePath = optionalString(args, 'capture');
      const capture = capturePath === undefined ? undefined : await CaptureWriter.create(capturePath, { mode: 'csms', clock: ctx.clock });
      let csms: StandaloneCsms;
      try {
        csms = new StandaloneCsms({
          host,
          port,
          settings,
          store: ctx.traffic,
          clock: ctx.clock,
          ...(tls !== undefined ? { tls } : {}),
          ...(capture !== undefined ? { capture } : {}),
          ...(keepCredentials === true ? { keepCredentials } : {}),
          ...(behaviours !== undefined ? { behaviours: behaviours as string[] } : {}),
          onAlert: (severity, message) => ctx.bus.alert(severity, 'csms', message),
        });
        await csms.start();
      } catch (err) {
        await capture?.close();
        throw err;
      }
      running.set(csms.id, csms);
      csms.onChange((chargers) => ctx.bus.emit('csms.changed', { id: csms.id, chargers }));
      csms.onStopped((reason) => {
        running.delete(csms.id);
        ctx.bus.emit('csms.stopped', { id: csms.id, reason });
      });
      return csms.info;
    },
    'csms.stop': async (args) => {
      const csms = pick(args);
      await csms.stop('stopped by the user');
      return { stopped: csms.id, chargers: csms.states() };
    },
    'csms.list': () => [...running.values()].map((c) => c.info),
    'csms.chargers': (args) => {
      const csms = pick(args);
      const cp = optionalString(args, 'chargePointId');
      if (cp === undefined) return csms.states();
      const state = csms.state(cp);
      if (state === undefined) throw new ApiError('not-found', `Charge point "${cp}" has never connected to CSMS ${csms.id}`);
      return [state];
    },
    'csms.send': (args) => {
      const csms = pick(args);
      const payload = (args as { payload?: unknown }).payload;
      if (payload !== undefined && (typeof payload !== 'object' || payload === null || Array.isArray(payload))) throw badArgs('"payload" must be a JSON object');
      const allowInvalid = (args as { allowInvalid?: unknown }).allowInvalid;
      if (allowInvalid !== undefined && typeof allowInvalid !== 'boolean') throw badArgs('"allowInvalid" must be true or false');
      const timeoutMs = optionalInt(args, 'timeoutMs', 1, 24 * 3600 * 1000);
      return csms.send(requireString(args, 'chargePointId'), requireString(args, 'action'), payload as Record<string, unknown> | undefined, {
        ...(allowInvalid !== undefined ? { allowInvalid } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
    },
    'csms.template': (args) => {
      const version = optionalVersion(args);
      if (version === undefined) throw badArgs('"version" must be "1.6", "2.0.1" or "2.1"');
      const action = requireString(args, 'action');
      if (actionInfo(version, action) === undefined) throw badArgs(`${action} is not an action of OCPP ${version}`);
      return { payload: freshTemplate(version, action, 'request', ctx.clock.now()) ?? {} };
    },
    'csms.behaviours': (args) => {
      const version = optionalVersion(args);
      return CSMS_BEHAVIOURS.filter((b) => version === undefined || b.versions.includes(version));
    },
    'csms.responders.get': (args) => pick(args).responders(optionalString(args, 'chargePointId')),
    'csms.responders.set': (args) => {
      const csms = pick(args);
      const action = requireString(args, 'action');
      const responder = (args as { responder?: unknown }).responder;
      if (responder === undefined) throw badArgs('"responder" is required (null goes back to the default)');
      return settingsErrors(() => csms.setResponder(action, responder as never, optionalString(args, 'chargePointId')));
    },
    'csms.config.set': (args) => {
      const csms = pick(args);
      return settingsErrors(() => csms.updateSettings((args as { settings?: unknown }).settings));
    },
  };
}
