// Pure parts of the proxy: rule checking and sentences, rule choice, payload edits, path
// mapping and refusal mapping. No sockets.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { ConnectRefusal } from '../net/connect';
import { tempDir } from '../testing/tmp';
import { checkRule, checkRules, describeRule, FaultRuleSet, RuleError } from './fault-rules';
import { mergeAt, mergePatch, parsePath, setAt } from './json-edit';
import { checkUpstreamUrl, upstreamUrlFor } from './path-mapping';
import { refusalFor } from './refusal';
import { loadRulesFile, RulesFileError } from './rules-file';
import { answerFrame, editedFrame } from './fault-effects';

describe('rule definitions', () => {
  it('accepts each effect kind and explains each in one sentence', () => {
    const sentences = [
      { match: { direction: 'cp2csms', action: 'Heartbeat', messageType: 'CALL' }, effect: { type: 'delay', ms: 500 }, count: 3 },
      { match: { action: ['StatusNotification', 'MeterValues'] }, effect: { type: 'drop' }, probability: 0.25, seed: 9 },
      { match: { chargePointId: 'CP-*' }, effect: { type: 'duplicate' } },
      { match: { direction: 'csms2cp', action: 'BootNotification', messageType: 'CALLRESULT' }, effect: { type: 'merge', fields: { '': { status: 'Rejected' } } } },
      { match: { action: 'Authorize', messageType: 'CALLRESULT' }, effect: { type: 'replace', fields: { 'idTagInfo.status': 'Blocked' } } },
      { match: { direction: 'cp2csms', action: 'Heartbeat' }, effect: { type: 'answer', result: { currentTime: '2030-01-01T00:00:00Z' } } },
      { match: { direction: 'csms2cp', action: 'Reset', chargePointId: 'CP1' }, effect: { type: 'answer', error: { code: 'NotSupported', description: 'no' } } },
      { effect: { type: 'close', code: 4000, reason: 'bye' }, count: 1 },
    ].map((r) => describeRule(checkRule(r, 'rule')));
    expect(sentences).toEqual([
      'Delays Heartbeat CALLs from the charger to the CSMS by 500 ms (later frames in the same direction wait behind them), at most 3 times.',
      'Drops StatusNotification or MeterValues frames (calls and their answers) in either direction, each time with probability 0.25 (seed 9).',
      'Sends every frame in either direction for charge points matching "CP-*" twice.',
      'Merges {"status":"Rejected"} into the payload of CALLRESULTs answering BootNotification from the CSMS to the charger.',
      'Sets idTagInfo.status to "Blocked" in CALLRESULTs answering Authorize in either direction.',
      'Answers Heartbeat CALLs from the charger to the CSMS on the CSMS\'s behalf with a CALLRESULT {"currentTime":"2030-01-01T00:00:00Z"}, without forwarding them.',
      'Answers Reset CALLs from the CSMS to the charger for charge point CP1 on the charger\'s behalf with a CALLERROR NotSupported ("no"), without forwarding them.',
      'Closes the connection with code 4000 ("bye") on every frame in either direction, instead of forwarding the frame, at most once.',
    ]);
  });

  it('refuses bad definitions with a message naming the rule and the field', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ effect: { type: 'explode' } }, /rule 1: effect.type must be one of delay, drop/],
      [{ effect: { type: 'delay' } }, /effect.ms must be an integer/],
      [{ effect: { type: 'drop' }, match: { direction: 'up' } }, /match.direction must be "cp2csms" or "csms2cp"/],
      [{ effect: { type: 'drop' }, match: { messageType: 'CALLBACK' } }, /messageType "CALLBACK" is not one of/],
      [{ effect: { type: 'answer' } }, /needs exactly one of "result"/],
      [{ effect: { type: 'answer', result: {} }, match: { messageType: 'CALLRESULT' } }, /answers CALLs only/],
      [{ effect: { type: 'close', code: 1006 } }, /1006 cannot be sent/],
      [{ effect: { type: 'replace', fields: { 'a..b': 1 } } }, /not a path/],
      [{ effect: { type: 'drop' }, probability: 2 }, /probability must be/],
      [{ id: 'x', effect: { type: 'drop' }, colour: 'red' }, /rule 1 \("x"\): unknown field "colour"/],
    ];
    for (const [rule, message] of bad) expect(() => checkRules([rule], 'rules.yaml')).toThrow(message);
    expect(() => checkRules([{ effect: { type: 'drop' } }], 'f')).not.toThrow();
    expect(() => checkRules({ rules: 'nope' }, 'f.yaml')).toThrow(RuleError);
  });

  it('assigns ids, refuses duplicates, and lets the first rule that takes a frame act', () => {
    const set = new FaultRuleSet([
      { match: { action: 'Heartbeat' }, effect: { type: 'drop' }, count: 1 },
      { id: 'r1', match: { action: 'Heartbeat' }, effect: { type: 'delay', ms: 5 } },
    ]);
    expect(set.list().map((r) => r.id)).toEqual(['r2', 'r1']);
    const facts = { dir: 'cp2csms' as const, chargePointId: 'CP', kind: 'CALL' as const, action: 'Heartbeat' };
    expect(set.pick(facts)?.id).toBe('r2');
    expect(set.pick(facts)?.id).toBe('r1');
    expect(set.list()[0]).toMatchObject({ applied: 1, remaining: 0 });
    expect(() => set.add({ id: 'r1', effect: { type: 'drop' } })).toThrow(/already a rule "r1"/);
    expect(() => new FaultRuleSet([{ id: 'a', effect: { type: 'drop' } }, { id: 'a', effect: { type: 'drop' } }])).toThrow(/appears twice/);
    // Edits act only on frames with a payload; answers only on CALLs.
    const edit = new FaultRuleSet([{ effect: { type: 'merge', fields: { '': { a: 1 } } } }, { effect: { type: 'answer', result: {} } }]);
    expect(edit.pick({ dir: 'cp2csms', chargePointId: 'CP', kind: 'CALLERROR' })).toBeUndefined();
    expect(edit.pick({ dir: 'cp2csms', chargePointId: 'CP' })).toBeUndefined();
    expect(edit.concerns('anyone')).toBe(true);
    expect(new FaultRuleSet([{ match: { chargePointId: 'CP-?' }, effect: { type: 'drop' } }]).concerns('CP-10')).toBe(false);
  });

  it('reads rules from YAML and JSON files, naming the file in errors', async () => {
    const dir = tempDir();
    try {
      writeFileSync(dir.file('rules.yaml'), 'rules:\n  - id: slow\n    match: { action: Heartbeat }\n    effect: { type: delay, ms: 100 }\n');
      writeFileSync(dir.file('rules.json'), JSON.stringify([{ effect: { type: 'drop' } }]));
      writeFileSync(dir.file('bad.yaml'), '- effect: { type: delay }\n');
      expect(await loadRulesFile(dir.file('rules.yaml'))).toEqual([{ id: 'slow', match: { action: 'Heartbeat' }, effect: { type: 'delay', ms: 100 } }]);
      expect(await loadRulesFile(dir.file('rules.json'))).toEqual([{ effect: { type: 'drop' } }]);
      await expect(loadRulesFile(dir.file('bad.yaml'))).rejects.toThrow(`${dir.file('bad.yaml')}: rule 1: effect.ms`);
      await expect(loadRulesFile(dir.file('missing.yaml'))).rejects.toMatchObject({ kind: 'io' });
      await expect(loadRulesFile(dir.file('missing.yaml'))).rejects.toBeInstanceOf(RulesFileError);
    } finally {
      dir.remove();
    }
  });
});

describe('payload edits', () => {
  it('parses JSON Pointers and dotted paths', () => {
    expect(parsePath('')).toEqual([]);
    expect(parsePath('/a~1b/0/c~0d')).toEqual(['a/b', '0', 'c~d']);
    expect(parsePath('a.0.b')).toEqual(['a', '0', 'b']);
  });

  it('sets values, creating what is missing, and merges as RFC 7396 says', () => {
    expect(setAt({ a: [{ b: 1 }] }, 'a.0.b', 2)).toEqual({ a: [{ b: 2 }] });
    expect(setAt({}, '/x/y', 'z')).toEqual({ x: { y: 'z' } });
    expect(setAt({ a: 1 }, '', { b: 2 })).toEqual({ b: 2 });
    expect(setAt({ list: [1] }, '/list/-', 2)).toEqual({ list: [1, 2] });
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: null, b: { c: 9 }, e: [1] })).toEqual({ b: { c: 9, d: 3 }, e: [1] });
    expect(mergeAt({ idTagInfo: { status: 'Accepted', expiryDate: 'x' } }, 'idTagInfo', { status: 'Blocked' })).toEqual({ idTagInfo: { status: 'Blocked', expiryDate: 'x' } });
  });

  it('serialises edited frames and answers as OCPP-J', () => {
    const call = { kind: 'CALL' as const, id: 'id1', action: 'Authorize', payload: { idTag: 'A' } };
    expect(editedFrame(call, { type: 'replace', fields: { idTag: 'B' } })).toBe('[2,"id1","Authorize",{"idTag":"B"}]');
    expect(answerFrame(call, { type: 'answer', result: { idTagInfo: { status: 'Accepted' } } })).toBe('[3,"id1",{"idTagInfo":{"status":"Accepted"}}]');
    expect(answerFrame(call, { type: 'answer', error: { code: 'GenericError' } })).toBe('[4,"id1","GenericError","",{}]');
  });
});

describe('path mapping', () => {
  it('maps the charge point id (default) or the full path, keeping percent-encoding and queries', () => {
    expect(upstreamUrlFor('ws://csms:9000', '/ocpp/CP%201', 'id')).toBe('ws://csms:9000/CP%201');
    expect(upstreamUrlFor('wss://csms/ocpp/', '/any/where/CP1?x=1', 'id')).toBe('wss://csms/ocpp/CP1?x=1');
    expect(upstreamUrlFor('ws://csms/base?token=t', '/a/CP1?x=1', 'full')).toBe('ws://csms/base/a/CP1?token=t&x=1');
    expect(upstreamUrlFor('ws://csms', '/ocpp/CP1/', 'full')).toBe('ws://csms/ocpp/CP1/');
  });

  it('refuses upstream URLs that cannot work', () => {
    expect(checkUpstreamUrl('ws://127.0.0.1:9000/ocpp')).toBeUndefined();
    expect(checkUpstreamUrl('http://x')).toMatch(/ws:\/\/ or wss:\/\//);
    expect(checkUpstreamUrl('ws://u:p@x')).toMatch(/credentials/);
    expect(checkUpstreamUrl('nonsense')).toMatch(/not a URL/);
  });
});

describe('refusals', () => {
  it('passes the CSMS\'s HTTP refusal through and maps failures to gateway errors', () => {
    const url = 'ws://csms/CP1';
    expect(refusalFor(new ConnectRefusal('http', 'x', 403, 'forbidden'), url)).toMatchObject({ status: 403, body: 'forbidden' });
    expect(refusalFor(new ConnectRefusal('http', 'x', 302), url).status).toBe(502);
    expect(refusalFor(new ConnectRefusal('refused', 'x'), url).status).toBe(502);
    expect(refusalFor(new ConnectRefusal('unreachable', 'x'), url).status).toBe(502);
    expect(refusalFor(new ConnectRefusal('tls', 'x'), url).status).toBe(502);
    expect(refusalFor(new ConnectRefusal('timeout', 'x'), url).status).toBe(504);
    expect(refusalFor(new ConnectRefusal('subprotocol', 'x'), url).status).toBe(400);
    expect(refusalFor(new Error('boom'), url).reason).toMatch(/boom/);
  });
});
