// One capture or live frame record through its session's judge.
import type { FrameRecord } from '../capture/format';
import type { SessionJudge, Verdict } from './session-judge';

/**
 * Judges one frame record, alike live, on open and in validate: a binary frame is a framing
 * error (OCPP-J frames are text) even where the session has no judge (unknown version).
 */
export function judgeRecord(judge: SessionJudge | undefined, record: FrameRecord): Verdict {
  if (record.text === undefined) {
    return {
      findings: [
        {
          rule: 'framing.binary-frame',
          severity: 'error',
          group: 'framing',
          message: 'Binary WebSocket frame: OCPP-J messages are text frames',
          specRef: 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2',
        },
      ],
    };
  }
  return judge === undefined ? { findings: [] } : judge.judge({ text: record.text, dir: record.dir, seq: record.seq, mono: record.mono, time: record.time });
}
