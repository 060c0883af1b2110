// The CSMS's interactive prompt: one line, one command. Lines become the same script steps
// a --script file holds (engine/csms/script.ts), plus a few prompt-only commands.
import type { ApiClient } from '../../api/client';
import { isOcppVersion } from '../../engine/ocpp/versions';
import { describeStep, parseStep, runStep, ScriptError, type ScriptStep } from '../../engine/csms/script';

export const PROMPT_HELP = `Commands:
  send CP ACTION [JSON]          send an action (payload defaults to the schema template)
  send! CP ACTION JSON           send even if the payload breaks the schema
  template VERSION|CP ACTION     show the template payload of an action
  chargers                       list the chargers
  state CP                       show a charger's state
  respond ACTION SPEC [for CP]   SPEC: default, noAnswer, or JSON such as {"mode":"error","code":"InternalError"}
  config JSON                    change settings, e.g. {"idTokens":{"TAG1":"Accepted"}}
  wait SECONDS | waitFor CP [booted]
  help | quit
Example: send CP1 Reset {"type":"Soft"}`;

export interface PromptContext {
  client: ApiClient;
  csmsId: string;
  print(line: string): void;
  signal?: AbortSignal;
}

/** The first `n` words of a line and the rest (a JSON payload may hold spaces). */
function words(line: string, n: number): { head: string[]; rest: string } {
  const head: string[] = [];
  let rest = line.trim();
  while (head.length < n && rest !== '') {
    const m = /^(\S+)\s*/.exec(rest)!;
    head.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return { head, rest };
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ScriptError(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Turns a prompt line into a script step, or a prompt-only command. */
export function parseLine(line: string): ScriptStep | { kind: 'help' | 'quit' | 'chargers' } | { kind: 'template'; target: string; action: string } | undefined {
  const { head, rest } = words(line, 1);
  const command = head[0];
  if (command === undefined) return undefined;
  const args = rest;
  switch (command) {
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    case 'chargers':
      return { kind: 'chargers' };
    case 'template': {
      const { head: h } = words(args, 2);
      if (h.length < 2) throw new ScriptError('usage: template VERSION|CP ACTION');
      return { kind: 'template', target: h[0]!, action: h[1]! };
    }
    case 'send':
    case 'send!': {
      const { head: h, rest: payload } = words(args, 2);
      if (h.length < 2) throw new ScriptError('usage: send CP ACTION [JSON]');
      const body: Record<string, unknown> = { to: h[0], action: h[1], allowInvalid: command === 'send!' };
      if (payload !== '') body['payload'] = json(payload, 'The payload');
      return parseStep({ send: body }, 'send');
    }
    case 'state':
      return parseStep({ state: args.trim() }, 'state');
    case 'wait':
      return parseStep({ wait: Number(args.trim()) }, 'wait');
    case 'waitFor': {
      const { head: h } = words(args, 2);
      return parseStep({ waitFor: { chargePointId: h[0] ?? '', booted: h[1] === 'booted' } }, 'waitFor');
    }
    case 'respond': {
      const { head: h, rest: tail } = words(args, 1);
      if (h.length < 1 || tail === '') throw new ScriptError('usage: respond ACTION SPEC [for CP]');
      const forCp = /\s+for\s+(\S+)$/.exec(tail);
      const specText = forCp === null ? tail : tail.slice(0, forCp.index);
      const spec = specText === 'default' || specText === 'noAnswer' ? specText : json(specText, 'The responder');
      return parseStep({ respond: { action: h[0], with: spec, ...(forCp !== null ? { chargePointId: forCp[1] } : {}) } }, 'respond');
    }
    case 'config':
      return parseStep({ config: json(args, 'The settings') }, 'config');
    default:
      throw new ScriptError(`Unknown command "${command}" (try help)`);
  }
}

/** Runs one prompt line; resolves 'quit' when the user asks to leave. */
export async function interpretLine(line: string, ctx: PromptContext): Promise<'quit' | undefined> {
  let parsed: ReturnType<typeof parseLine>;
  try {
    parsed = parseLine(line);
  } catch (err) {
    ctx.print(err instanceof Error ? err.message : String(err));
    return undefined;
  }
  if (parsed === undefined) return undefined;
  switch (parsed.kind) {
    case 'help':
      ctx.print(PROMPT_HELP);
      return undefined;
    case 'quit':
      return 'quit';
    case 'chargers': {
      const states = await ctx.client.call('csms.chargers', { id: ctx.csmsId });
      if (states.length === 0) ctx.print('No charger has connected yet.');
      for (const s of states) {
        const running = s.transactions.filter((t) => t.state === 'active').length;
        ctx.print(`${s.chargePointId}  ${s.version ?? '?'}  ${s.connection.connected ? 'connected' : 'disconnected'}  boot ${s.boot.status}  ${running} transaction(s) running`);
      }
      return undefined;
    }
    case 'template': {
      try {
        let version = parsed.target;
        if (!isOcppVersion(version)) {
          const [state] = await ctx.client.call('csms.chargers', { id: ctx.csmsId, chargePointId: parsed.target });
          version = state?.version ?? '';
        }
        if (!isOcppVersion(version)) throw new Error(`${parsed.target} is neither an OCPP version nor a charger that negotiated one`);
        const { payload } = await ctx.client.call('csms.template', { version, action: parsed.action });
        ctx.print(JSON.stringify(payload));
      } catch (err) {
        ctx.print(err instanceof Error ? err.message : String(err));
      }
      return undefined;
    }
    default: {
      const result = await runStep(ctx.client, ctx.csmsId, parsed, ctx.signal);
      ctx.print(parsed.kind === 'state' && result.state !== undefined ? JSON.stringify(result.state, null, 2) : `${result.ok ? 'ok' : 'failed'}: ${describeStep(parsed)}: ${result.message}`);
      return undefined;
    }
  }
}
