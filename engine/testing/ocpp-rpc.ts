// ocpp-rpc (a third-party OCPP-J implementation, strict schema mode) as an independent
// peer in tests, for 1.6 and 2.0.1 (its 2.1 strict mode is broken). Typed loosely: we only
// use its public surface.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface RpcClient {
  connect(): Promise<unknown>;
  call(method: string, params?: Record<string, unknown>, options?: { callTimeoutMs?: number }): Promise<Record<string, unknown>>;
  handle(method: string | ((ctx: { method: string; params: Record<string, unknown> }) => unknown), handler?: (ctx: { params: Record<string, unknown>; method: string; messageId: string }) => unknown): void;
  close(options?: { code?: number; reason?: string; force?: boolean; awaitPending?: boolean }): Promise<unknown>;
  sendRaw(text: string): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  identity: string;
  protocol: string | undefined;
}

export interface RpcServer {
  listen(port: number, host?: string): Promise<{ address(): { port: number } }>;
  close(options?: { force?: boolean; awaitPending?: boolean }): Promise<unknown>;
  on(event: 'client', listener: (client: RpcClient) => void): void;
  auth(cb: (accept: (session?: Record<string, unknown>, protocol?: string | false) => void, reject: (code: number, message: string) => void, handshake: { identity: string; password?: Buffer; protocols: Set<string>; endpoint: string }) => void): void;
}

interface OcppRpc {
  RPCClient: new (options: Record<string, unknown>) => RpcClient;
  RPCServer: new (options: Record<string, unknown>) => RpcServer;
}

export const ocppRpc = require('ocpp-rpc') as OcppRpc;

export function rpcClient(options: { endpoint: string; identity: string; protocols: string[]; password?: string; strictMode?: boolean; callTimeoutMs?: number; wsOpts?: Record<string, unknown> }): RpcClient {
  return new ocppRpc.RPCClient({ reconnect: false, strictMode: true, callTimeoutMs: 5000, ...options });
}

export function rpcServer(options: { protocols: string[]; strictMode?: boolean; callTimeoutMs?: number }): RpcServer {
  return new ocppRpc.RPCServer({ strictMode: true, callTimeoutMs: 5000, ...options });
}
