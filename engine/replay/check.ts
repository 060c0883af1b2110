// Whether a recorded session can be replayed from one side, and if not, why: the reasons
// as data (STYLE "check() functions return the reason"), never a bare boolean.
import type { Direction } from '../../api/model';
import type { ReplayProblem, ReplaySide } from '../../api/replay';
import { exchangesOf, type RecordedSession } from './recorded';

export function outgoingOf(side: ReplaySide): Direction {
  return side === 'charger' ? 'cp2csms' : 'csms2cp';
}

const who = (dir: Direction) => (dir === 'cp2csms' ? 'the charger' : 'the CSMS');

/** Problems of one session, replayed as `side`. Errors make it unreplayable; warnings say what is skipped. */
export function checkSession(session: RecordedSession, side: ReplaySide): ReplayProblem[] {
  const problems: ReplayProblem[] = [];
  const out = outgoingOf(side);
  const info = session.info;
  if (info.version === undefined) {
    problems.push({
      code: 'unknown-subprotocol',
      severity: 'error',
      message: `Session ${info.id} negotiated ${info.subprotocol === undefined ? 'no subprotocol' : `"${info.subprotocol}"`}, which is not an OCPP version this tool speaks (give --version to force one)`,
    });
    return problems;
  }
  const calls = side === 'charger' ? info.calls.charger : info.calls.csms;
  if (calls === 0) {
    problems.push({ code: 'no-calls', severity: 'error', message: `In session ${info.id}, ${who(out)} sent no CALL: there is nothing to replay as ${side === 'charger' ? 'the charger' : 'the CSMS'}` });
  }
  for (const ex of exchangesOf(session.frames)) {
    const mine = ex.dir === out;
    const seq = ex.request.seq;
    switch (ex.kind) {
      case 'invalid':
        if (ex.request.binary !== undefined) {
          problems.push({
            code: 'binary-frame',
            severity: mine ? 'error' : 'warning',
            seq,
            message: mine
              ? `Frame ${seq} is a binary frame from ${who(ex.dir)}: replay sends OCPP-J text frames only`
              : `Frame ${seq} is a binary frame from ${who(ex.dir)}; the replay does not expect it`,
          });
        } else {
          problems.push({
            code: 'invalid-frame',
            severity: 'warning',
            seq,
            message: `Frame ${seq} from ${who(ex.dir)} is not valid OCPP-J (${ex.request.invalid ?? 'unreadable'}); the replay skips it`,
          });
        }
        break;
      case 'orphan':
        if (ex.request.frame?.kind === 'CALLRESULTERROR') {
          problems.push({
            code: 'call-result-error',
            severity: 'warning',
            seq,
            message: `Frame ${seq} is a 2.1 CALLRESULTERROR (an answer that failed after its CALLRESULT); the replay compares only the first answer`,
          });
        } else {
          problems.push({ code: 'orphan-answer', severity: 'warning', seq, message: `Frame ${seq} from ${who(ex.dir)} answers no CALL of the session; the replay skips it` });
        }
        break;
      case 'SEND':
        break;
      case 'CALL':
        if (ex.response === undefined && isTrailing(session, ex.request.seq, ex.dir)) {
          problems.push({
            code: 'unanswered-call',
            severity: 'warning',
            seq,
            message: `${ex.action} (frame ${seq}) from ${who(ex.dir)} was never answered: the recording ends before its answer, and the replay ${mine ? 'does not send it' : 'will not answer it'}`,
          });
        } else if (ex.response === undefined) {
          problems.push({
            code: 'unanswered-call',
            severity: 'error',
            seq,
            message: mine
              ? `${ex.action} (frame ${seq}) from ${who(ex.dir)} was never answered in the recording: there is no answer to compare the live one with`
              : `${ex.action} (frame ${seq}) from ${who(ex.dir)} was never answered in the recording: the bench would have nothing to answer it with`,
          });
        }
        break;
    }
  }
  return problems;
}

/** Whether nothing came from the other side after frame `seq` (the recording ended while it was outstanding). */
function isTrailing(session: RecordedSession, seq: number, dir: Direction): boolean {
  return !session.frames.some((f) => f.seq > seq && f.dir !== dir);
}
