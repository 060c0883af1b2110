// Handlers of the read-only protocol commands (api/ocpp.ts): the catalogue, the schemas
// and schema judging, exposed for editors (the CSMS console's composer).
import type { OcppCommands, PayloadRole } from '../../api/ocpp';
import type { OcppVersion } from '../../api/model';
import type { EngineContext } from '../engine';
import { badArgs, optionalVersion, requireString, type HandlerMap } from '../handlers';
import { actionInfo, actionsOf } from './catalog';
import { getSchema, judgePayload } from './schemas';

function version(args: unknown): OcppVersion {
  const v = optionalVersion(args);
  if (v === undefined) throw badArgs('"version" must be "1.6", "2.0.1" or "2.1"');
  return v;
}

function role(args: unknown): PayloadRole {
  const r = (args as { role?: unknown }).role;
  if (r !== 'request' && r !== 'response') throw badArgs('"role" must be "request" or "response"');
  return r;
}

function knownAction(args: unknown, v: OcppVersion): string {
  const action = requireString(args, 'action');
  if (actionInfo(v, action) === undefined) throw badArgs(`${action} is not an action of OCPP ${v}`);
  return action;
}

export function ocppCommands(_ctx: EngineContext): HandlerMap<OcppCommands> {
  return {
    'ocpp.actions': (args) =>
      actionsOf(version(args)).map((info) => ({
        action: info.action,
        initiator: info.initiator,
        group: info.group,
        ...(info.unconfirmed === true ? { unconfirmed: true } : {}),
      })),
    'ocpp.schema': (args) => {
      const v = version(args);
      const action = knownAction(args, v);
      const r = role(args);
      const schema = getSchema(v, action, r);
      if (schema === undefined) throw badArgs(`OCPP ${v} has no ${r} schema for ${action}`);
      return { schema: structuredClone(schema) as Record<string, unknown> };
    },
    'ocpp.check': (args) => {
      const v = version(args);
      const action = knownAction(args, v);
      const r = role(args);
      if (!('payload' in (args as object))) throw badArgs('"payload" is missing');
      return { findings: judgePayload(v, action, r, (args as { payload: unknown }).payload) };
    },
  };
}
