// The host side of one remote front end (an Electron window over IPC, a browser tab over
// WebSocket), generic over the api maps: it validates incoming messages, runs commands,
// answers with data (errors included), and forwards the events the front end subscribed
// to in batches. Transports only move its messages; none knows a command's name.
import type { ApiClient } from '../../api/client';
import type { CommandName } from '../../api/commands';
import { ApiError, type ApiErrorData } from '../../api/errors';
import type { EventName } from '../../api/events';
import type { EventBatchMessage, EventMessage, ReplyMessage } from '../../api/transport';

export interface ApiSessionOptions {
  /** Delivers one batch of events to the front end. */
  send(batch: EventBatchMessage): void;
  /** Events arriving within this window go out as one message (default 16 ms: at most ~60 per second). */
  batchMs?: number;
}

const MAX_SUBSCRIPTIONS = 256;
const MAX_NAME_LENGTH = 128;

export class ApiSession {
  private readonly subscriptions = new Map<string, () => void>();
  private queue: EventMessage[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly batchMs: number;

  constructor(
    private readonly api: ApiClient,
    private readonly options: ApiSessionOptions,
  ) {
    this.batchMs = options.batchMs ?? 16;
  }

  /** Handles one message from the front end; always resolves with the reply to send back. */
  async handle(message: unknown): Promise<ReplyMessage> {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return failure(null, badMessage('a message must be a JSON object'));
    }
    const m = message as Record<string, unknown>;
    const id = m['id'];
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
      return failure(null, badMessage('"id" must be an integer'));
    }
    if ('subscriptions' in m) return this.subscribe(id, m['subscriptions']);
    const name = m['name'];
    if (typeof name !== 'string' || name === '') return failure(id, badMessage('"name" must name a command'));
    if (this.closed) return failure(id, { code: 'unreachable', message: 'The session is closed' });
    try {
      const result = await this.api.call(name as CommandName, (m['args'] ?? {}) as never);
      return { id, ok: true, result: result === undefined ? null : result };
    } catch (err) {
      return failure(id, errorData(err));
    }
  }

  /** The event names currently forwarded. */
  subscribed(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** Stops forwarding: unsubscribes everything and drops unsent events. */
  close(): void {
    this.closed = true;
    for (const off of this.subscriptions.values()) off();
    this.subscriptions.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }

  /** Sends queued events now (tests, and before a transport closes cleanly). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0 || this.closed) return;
    const events = this.queue;
    this.queue = [];
    this.options.send({ events });
  }

  private subscribe(id: number, names: unknown): ReplyMessage {
    if (!Array.isArray(names) || names.length > MAX_SUBSCRIPTIONS || !names.every((n) => typeof n === 'string' && n !== '' && n.length <= MAX_NAME_LENGTH)) {
      return failure(id, badMessage(`"subscriptions" must be a list of at most ${MAX_SUBSCRIPTIONS} event names`));
    }
    if (this.closed) return failure(id, { code: 'unreachable', message: 'The session is closed' });
    const wanted = new Set(names as string[]);
    for (const [name, off] of this.subscriptions) {
      if (!wanted.has(name)) {
        off();
        this.subscriptions.delete(name);
      }
    }
    for (const name of wanted) {
      if (this.subscriptions.has(name)) continue;
      const off = this.api.on(name as EventName, (payload: unknown) => this.enqueue(name, payload));
      this.subscriptions.set(name, off);
    }
    return { id, ok: true, result: { subscriptions: [...wanted] } };
  }

  private enqueue(event: string, payload: unknown): void {
    if (this.closed) return;
    this.queue.push({ event, payload });
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.batchMs);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }
}

function badMessage(message: string): ApiErrorData {
  return { code: 'bad-args', message: `Bad api message: ${message}` };
}

function failure(id: number | null, error: ApiErrorData): ReplyMessage {
  return { id, ok: false, error };
}

/** Any thrown value as error data: ApiErrors keep their code, the rest are defects. */
export function errorData(err: unknown): ApiErrorData {
  if (err instanceof ApiError) return err.toData();
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
