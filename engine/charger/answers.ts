// How a version model answers a CALL from the CSMS: the same in 1.6 and 2.x.
import type { IncomingCall } from '../rpc/endpoint';
import type { Handled } from './model';

/** Answers one CSMS-initiated action. */
export type CallHandler = (payload: Record<string, unknown>, call: IncomingCall) => Handled | Promise<Handled>;

/** A result, and what to do once it is on the wire ("first the response", OCPP 1.6 §5.17). */
export const answer = (result: Record<string, unknown>, after?: () => void | Promise<void>): Handled => ({ answer: { result }, ...(after !== undefined ? { after } : {}) });
