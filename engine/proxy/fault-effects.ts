// The frames fault rules put on the wire in place of (or in answer to) a frame. Pure.
import type { FaultEffect } from '../../api/proxy';
import { serializeFrame, type CallFrame, type Frame } from '../ocpp/frames';
import { mergeAt, setAt } from './json-edit';

type EditEffect = Extract<FaultEffect, { type: 'merge' | 'replace' }>;
type AnswerEffect = Extract<FaultEffect, { type: 'answer' }>;

/** The frame with its payload edited (CALL, SEND or CALLRESULT), serialised as OCPP-J does. */
export function editedFrame(frame: Frame, effect: EditEffect): string {
  if (frame.kind !== 'CALL' && frame.kind !== 'SEND' && frame.kind !== 'CALLRESULT') return serializeFrame(frame);
  let payload: unknown = frame.payload;
  for (const [path, value] of Object.entries(effect.fields)) {
    payload = effect.type === 'merge' ? mergeAt(payload, path, value) : setAt(payload, path, value);
  }
  return serializeFrame({ ...frame, payload: payload as Record<string, unknown> });
}

/** The CALLRESULT or CALLERROR a rule answers a CALL with (OCPP-J 1.6 §4.2.2–§4.2.3; 2.0.1 Part 4 §4.2.2–§4.2.3). */
export function answerFrame(call: CallFrame, effect: AnswerEffect): string {
  if (effect.result !== undefined) return serializeFrame({ kind: 'CALLRESULT', id: call.id, payload: effect.result });
  const error = effect.error ?? { code: 'GenericError' };
  return serializeFrame({ kind: 'CALLERROR', id: call.id, code: error.code, description: error.description ?? '', details: error.details ?? {} });
}
