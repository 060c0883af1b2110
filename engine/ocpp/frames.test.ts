import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OCPP_VERSIONS, type OcppVersion } from '../../api/model';
import { parseFrame, serializeFrame } from './frames';

function rules(text: string, version: OcppVersion = '2.0.1'): string[] {
  return parseFrame(text, version).findings.map((f) => f.rule);
}

describe('framing findings', () => {
  it('not JSON', () => {
    expect(rules('[2,"1","Heartbeat",{}')).toEqual(['framing.not-json']);
    expect(parseFrame('{', '1.6').findings[0]!.errorCode).toBe('FormationViolation');
    expect(parseFrame('{', '2.0.1').findings[0]!.errorCode).toBe('RpcFrameworkError');
  });
  it('not an array', () => {
    expect(rules('{"a":1}')).toEqual(['framing.not-array']);
    expect(rules('"text"')).toEqual(['framing.not-array']);
    expect(rules('null')).toEqual(['framing.not-array']);
  });
  it('unknown message type id', () => {
    expect(rules('[7,"1","Heartbeat",{}]')).toEqual(['framing.message-type']);
    expect(rules('["2","1","Heartbeat",{}]')).toEqual(['framing.message-type']);
    expect(parseFrame('[9,"1",{}]', '2.0.1').findings[0]!.errorCode).toBe('MessageTypeNotSupported');
  });
  it('CALLRESULTERROR (5) and SEND (6) exist only in 2.1', () => {
    expect(rules('[5,"1","FormatViolation","",{}]', '1.6')).toEqual(['framing.message-type']);
    expect(rules('[6,"1","NotifyPeriodicEventStream",{}]', '2.0.1')).toEqual(['framing.message-type']);
    expect(parseFrame('[5,"1","FormatViolation","",{}]', '2.1').frame?.kind).toBe('CALLRESULTERROR');
    const send = parseFrame('[6,"1","NotifyPeriodicEventStream",{"id":1,"pending":0,"basetime":"2025-01-01T00:00:00Z","data":[]}]', '2.1');
    expect(send.frame?.kind).toBe('SEND');
    expect(send.findings).toEqual([]);
  });
  it('wrong element count', () => {
    expect(rules('[2,"1","Heartbeat"]')).toContain('framing.element-count');
    expect(rules('[3,"1",{},{}]')).toEqual(['framing.element-count']);
    expect(rules('[4,"1","GenericError",""]')).toEqual(['framing.element-count']);
  });
  it('message id not a string, empty, or longer than 36 characters', () => {
    expect(rules('[2,1,"Heartbeat",{}]')).toEqual(['framing.message-id-type']);
    expect(rules('[2,"","Heartbeat",{}]')).toEqual(['framing.message-id-empty']);
    expect(rules(`[2,"${'a'.repeat(37)}","Heartbeat",{}]`)).toEqual(['framing.message-id-length']);
    expect(rules(`[2,"${'a'.repeat(36)}","Heartbeat",{}]`)).toEqual([]);
  });
  it('action not a string', () => {
    expect(rules('[2,"1",42,{}]')).toEqual(['framing.action-type']);
  });
  it('payload not an object', () => {
    expect(rules('[2,"1","Heartbeat",[]]')).toEqual(['framing.payload-type']);
    expect(rules('[2,"1","Heartbeat",null]')).toEqual(['framing.payload-type']);
    expect(rules('[3,"1","ok"]')).toEqual(['framing.payload-type']);
  });
  it('unknown action, answered with NotImplemented', () => {
    const parsed = parseFrame('[2,"1","MakeCoffee",{}]', '1.6');
    expect(parsed.findings.map((f) => f.rule)).toEqual(['framing.unknown-action']);
    expect(parsed.findings[0]!.errorCode).toBe('NotImplemented');
    expect(parsed.frame).toBeDefined();
  });
  it('error codes outside the version vocabulary', () => {
    expect(rules('[4,"1","FormatViolation","",{}]', '1.6')).toEqual(['framing.error-code-unknown']);
    expect(rules('[4,"1","FormationViolation","",{}]', '1.6')).toEqual([]);
    expect(rules('[4,"1","FormationViolation","",{}]', '2.0.1')).toEqual(['framing.error-code-unknown']);
    expect(rules('[4,"1","OccurenceConstraintViolation","",{}]', '2.0.1')).toEqual(['framing.error-code-unknown']);
    expect(rules('[4,"1","OccurrenceConstraintViolation","",{}]', '2.0.1')).toEqual([]);
  });
  it('keeps what it can read of a broken frame for the CALLERROR reply', () => {
    const parsed = parseFrame('[2,"abc",42,{}]', '1.6');
    expect(parsed.messageId).toBe('abc');
    expect(parsed.kind).toBe('CALL');
    expect(parsed.frame).toBeUndefined();
  });
  it('parses valid frames of each kind and serialises them back', () => {
    for (const text of ['[2,"1","Heartbeat",{}]', '[3,"1",{"currentTime":"2025-01-01T00:00:00Z"}]', '[4,"1","GenericError","x",{}]']) {
      const parsed = parseFrame(text, '1.6');
      expect(parsed.findings).toEqual([]);
      expect(serializeFrame(parsed.frame!)).toBe(text);
    }
  });
});

describe('never throws', () => {
  const anyVersion = fc.constantFrom(...OCPP_VERSIONS);
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), anyVersion, (s, v) => {
      const parsed = parseFrame(s, v);
      return Array.isArray(parsed.findings);
    }), { numRuns: 3000 });
  });
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), anyVersion, (value, v) => {
      const parsed = parseFrame(JSON.stringify(value) ?? 'null', v);
      return parsed.frame !== undefined || parsed.findings.length > 0;
    }), { numRuns: 3000 });
  });
  it('on frame-shaped arrays with random elements', () => {
    const element = fc.oneof(fc.integer({ min: -1, max: 8 }), fc.string(), fc.jsonValue(), fc.constant(null));
    fc.assert(fc.property(fc.array(element, { maxLength: 7 }), anyVersion, (arr, v) => {
      const parsed = parseFrame(JSON.stringify(arr), v);
      // A frame is either fully valid OCPP-J or explained by at least one finding.
      return parsed.frame !== undefined || parsed.findings.length > 0;
    }), { numRuns: 5000 });
  });
});
