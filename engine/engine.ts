// The composition root: creates the engine's parts and implements the api. Every front
// end (CLI, Electron IPC, the browser's WebSocket) calls through `call` and `on`.
import type { ApiClient } from '../api/client';
import type { CommandArgs, CommandName, CommandResult } from '../api/commands';
import { ApiError } from '../api/errors';
import type { EventName, EventPayload } from '../api/events';
import { CaptureReadError } from './capture/reader';
import { EventBus } from './events';
import type { Handler } from './handlers';
import { engineCommands } from './engine-commands';
import { ocppCommands } from './ocpp/commands';
import { judgeCommands } from './judge/commands';
import { filterCommands } from './filter/commands';
import { captureCommands } from './capture/commands';
import { conformanceCommands } from './conformance/commands';
import { csmsCommands } from './csms/commands';
import { simCommands } from './charger/commands';
import { proxyCommands } from './proxy/commands';
import { replayCommands } from './replay/commands';
import type { CaseDefinition } from './conformance/case';
import type { RunDeps } from './conformance/runner';
import { builtInSimulators } from './conformance/sut-simulated';
import { TrafficStore } from './traffic/store';
import { systemClock, type Clock } from './util/clock';

export interface EngineOptions {
  clock?: Clock;
  /** The conformance cases (testcases/ sits above the engine, so front ends hand them in). */
  cases?: readonly CaseDefinition[];
  /** Built-in SUTs for simulated conformance runs (defaults: the engine's simulator and CSMS). */
  simulators?: RunDeps['simulators'];
  /** Milliseconds between batched traffic events. */
  eventBatchMs?: number;
  /** Where the engine keeps its files (captures, settings); the front end chooses it. */
  dataDir?: string;
}

/** What each domain's command factory receives. */
export interface EngineContext {
  bus: EventBus;
  traffic: TrafficStore;
  clock: Clock;
  /** Where the engine keeps its files, when the front end gave one (serve --data-dir, Electron's userData). */
  dataDir?: string;
  /** Registers cleanup to run when the engine closes (stop proxies, close captures…). */
  onClose(fn: () => Promise<void> | void): void;
}

type AnyHandler = (args: unknown) => unknown;

export class Engine implements ApiClient {
  readonly bus = new EventBus();
  readonly traffic: TrafficStore;
  readonly context: EngineContext;
  private readonly handlers = new Map<string, AnyHandler>();
  /** Kept for in-process front ends that wait for a run's report (the CLI). */
  readonly conformance: ReturnType<typeof conformanceCommands>;
  private readonly closers: Array<() => Promise<void> | void> = [];
  private closed = false;

  constructor(options: EngineOptions = {}) {
    this.traffic = new TrafficStore(this.bus, options.eventBatchMs ?? 50);
    this.context = {
      bus: this.bus,
      traffic: this.traffic,
      clock: options.clock ?? systemClock,
      onClose: (fn) => this.closers.push(fn),
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    };
    this.register(engineCommands(this.context));
    this.register(filterCommands(this.context));
    this.register(captureCommands(this.context));
    this.register(csmsCommands(this.context));
    this.register(simCommands(this.context));
    this.register(proxyCommands(this.context));
    this.register(ocppCommands(this.context));
    this.register(judgeCommands(this.context));
    this.register(replayCommands(this.context));
    this.conformance = conformanceCommands(this.context, { cases: options.cases ?? [], simulators: options.simulators ?? builtInSimulators() });
    this.register(this.conformance.handlers);
    this.context.onClose(() => this.traffic.closeFiles());
  }

  /** Adds a domain's handlers; each command name may be registered once. */
  register(handlers: Partial<{ [K in CommandName]: Handler<K> }>): void {
    for (const [name, handler] of Object.entries(handlers)) {
      if (this.handlers.has(name)) throw new Error(`Command ${name} is registered twice`);
      this.handlers.set(name, handler as AnyHandler);
    }
  }

  commandNames(): string[] {
    return [...this.handlers.keys()].sort();
  }

  async call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
    const handler = this.handlers.get(name);
    if (handler === undefined) throw new ApiError('unknown-command', `There is no command "${String(name)}"`);
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw new ApiError('bad-args', `The arguments of ${name} must be an object`);
    }
    try {
      return (await handler(args)) as CommandResult<K>;
    } catch (err) {
      throw toApiError(err);
    }
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.bus.on(name, listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const fn of this.closers.reverse()) {
      try {
        await fn();
      } catch {
        // Keep closing the rest.
      }
    }
    this.traffic.flushEvents();
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof CaptureReadError) return new ApiError('io', err.message);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return new ApiError('io', (err as Error).message);
  if (code === 'EADDRINUSE') return new ApiError('conflict', (err as Error).message);
  return new ApiError('internal', err instanceof Error ? err.message : String(err));
}

export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}
