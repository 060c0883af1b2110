// Handlers of the proxy commands (api/proxy.ts) and the events they push.
import { ApiError } from '../../api/errors';
import type { FaultRule, ProxyCommands, ProxyFrame } from '../../api/proxy';
import type { EngineContext } from '../engine';
import { badArgs, requireString, type HandlerMap } from '../handlers';
import { FaultRuleSet, RuleError } from './fault-rules';
import { OcppProxy } from './proxy';
import { checkProxySettings, loadProxyFiles, openProxyCapture } from './settings';

/** Milliseconds between `proxy.frames` batches. */
const FRAME_BATCH_MS = 50;

function ruleErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RuleError) throw badArgs(err.message);
    throw err;
  }
}

function rulesArg(args: unknown): FaultRule[] {
  const rules = (args as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) throw badArgs('"rules" must be a list of rules');
  return rules as FaultRule[];
}

export function proxyCommands(ctx: EngineContext): HandlerMap<ProxyCommands> {
  const proxies = new Map<string, OcppProxy>();
  ctx.onClose(async () => {
    await Promise.all([...proxies.values()].map((p) => p.stop('the engine is closing')));
  });

  const get = (args: unknown): OcppProxy => {
    const id = requireString(args, 'id');
    const proxy = proxies.get(id);
    if (proxy === undefined) throw new ApiError('not-found', `There is no proxy "${id}"`);
    return proxy;
  };

  const rulesChanged = (proxy: OcppProxy) => {
    const rules = proxy.ruleList();
    ctx.bus.emit('proxy.rules', { proxy: proxy.id, rules });
    return rules;
  };

  return {
    'proxy.start': async (args) => {
      const settings = checkProxySettings(args);
      const files = await loadProxyFiles(settings);
      const capture =
        settings.capture === undefined ? undefined : await openProxyCapture(settings.capture, `ocpp-bench proxy ${settings.listen.host}:${settings.listen.port} → ${settings.upstream}`);
      // Frame batches for terminals and UIs that keep no store.
      let batch: ProxyFrame[] = [];
      let timer: NodeJS.Timeout | undefined;
      let proxyRef: OcppProxy | undefined;
      const flushFrames = () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (batch.length === 0 || proxyRef === undefined) return;
        const frames = batch;
        batch = [];
        ctx.bus.emit('proxy.frames', { proxy: proxyRef.id, frames });
      };
      let proxy: OcppProxy;
      try {
        proxy = ruleErrors(
          () =>
            new OcppProxy({
              listen: settings.listen,
              upstream: settings.upstream,
              ...(settings.pathMode !== undefined ? { pathMode: settings.pathMode } : {}),
              ...(files.tls !== undefined ? { tls: files.tls } : {}),
              ...(files.upstreamTls !== undefined ? { upstreamTls: files.upstreamTls } : {}),
              ...(settings.connectTimeoutMs !== undefined ? { connectTimeoutMs: settings.connectTimeoutMs } : {}),
              ...(capture !== undefined ? { capture } : {}),
              ...(settings.store !== false ? { store: ctx.traffic } : {}),
              judging: ctx.traffic.judging,
              redact: settings.redact !== false,
              rules: files.rules,
              clock: ctx.clock,
              observer: {
                frame: (judged) => {
                  batch.push({ chargePointId: judged.session.info.chargePointId, frame: judged.summary });
                  timer ??= setTimeout(flushFrames, FRAME_BATCH_MS);
                },
                connection: (change, session) => {
                  const p = proxyRef;
                  if (p === undefined) return;
                  if (change !== 'closed') {
                    ctx.bus.emit('proxy.connection', { proxy: p.id, change, session });
                    return;
                  }
                  // A session's frames are judged a moment after they crossed: say "closed" after them.
                  void p.recorder.settled().then(() => {
                    flushFrames();
                    ctx.bus.emit('proxy.connection', { proxy: p.id, change, session });
                  });
                },
                pressure: (event) => {
                  if (proxyRef !== undefined) ctx.bus.emit('proxy.pressure', { proxy: proxyRef.id, ...event });
                },
                stopped: (state, reason) => {
                  if (proxyRef === undefined) return;
                  flushFrames();
                  if (state === 'failed') ctx.bus.alert('error', `proxy ${proxyRef.id}`, reason);
                  ctx.bus.emit('proxy.status', { proxy: proxyRef.info() });
                },
              },
            }),
        );
        proxyRef = proxy;
        await proxy.start();
      } catch (err) {
        await capture?.close().catch(() => undefined);
        if (err instanceof Error && err.message.startsWith('upstream ')) throw badArgs(err.message);
        throw err;
      }
      proxies.set(proxy.id, proxy);
      const info = proxy.info();
      ctx.bus.emit('proxy.status', { proxy: info });
      return info;
    },

    'proxy.stop': async (args) => {
      const proxy = get(args);
      await proxy.stop();
      return proxy.info();
    },

    'proxy.list': () => [...proxies.values()].map((p) => p.info()),

    'proxy.sessions': (args) => get(args).sessions(),

    'proxy.rules.list': (args) => get(args).ruleList(),

    'proxy.rules.set': (args) => {
      const proxy = get(args);
      ruleErrors(() => proxy.rules.set(rulesArg(args)));
      return rulesChanged(proxy);
    },

    'proxy.rules.add': (args) => {
      const proxy = get(args);
      ruleErrors(() => proxy.rules.add((args as { rule?: unknown }).rule as FaultRule));
      return rulesChanged(proxy);
    },

    'proxy.rules.remove': (args) => {
      const proxy = get(args);
      const ruleId = requireString(args, 'ruleId');
      if (!proxy.rules.remove(ruleId)) throw new ApiError('not-found', `Proxy ${proxy.id} has no rule "${ruleId}"`);
      return rulesChanged(proxy);
    },

    'proxy.rules.check': (args) => ruleErrors(() => new FaultRuleSet(rulesArg(args)).list()),
  };
}
