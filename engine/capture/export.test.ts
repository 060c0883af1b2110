import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createEngine, type Engine } from '../engine';
import { recordSample, SESSION_A, SESSION_B } from '../filter/testing/traffic';
import { tempDir } from '../testing/tmp';
import type { CaptureRecord, FrameRecord, HeaderRecord } from './format';
import { readCapture } from './reader';
import { CaptureWriter } from './writer';
import { exportCapture } from './export';

const dir = tempDir();
const source = dir.file('sample.jsonl');
let engine: Engine;

beforeAll(async () => {
  await recordSample(source);
  engine = createEngine();
});
afterAll(async () => {
  await engine.close();
  dir.remove();
});

async function records(path: string): Promise<CaptureRecord[]> {
  const out: CaptureRecord[] = [];
  for await (const { record } of readCapture(path)) out.push(record);
  return out;
}

/** Records in a compact form: `open conn_a`, `frame conn_a#2`, `note`. */
const outline = (rs: CaptureRecord[]): string[] =>
  rs.map((r) => (r.type === 'header' ? 'header' : r.type === 'frame' ? `frame ${r.conn}#${r.seq}` : r.type === 'note' ? 'note' : `${r.type} ${r.conn}`));

describe('capture export', () => {
  it('keeps the matching frames and the records of their sessions, in order, with their times', async () => {
    const out = dir.file('status.jsonl');
    const result = await engine.call('capture.export', { path: source, out, filter: 'action:StatusNotification' });
    expect(result).toEqual({ out, frames: 4, sessions: 1, warnings: [] });
    const written = await records(out);
    expect(outline(written)).toEqual(['header', 'open conn_a', 'frame conn_a#2', 'frame conn_a#3', 'frame conn_a#4', 'frame conn_a#5', 'note', 'close conn_a']);
    const header = written[0] as HeaderRecord;
    const original = await records(source);
    const sourceHeader = original[0] as HeaderRecord;
    expect(header).toMatchObject({ mode: 'export', started: sourceHeader.started });
    expect(header.description).toBe(`exported from ${source}; filter: action:StatusNotification`);
    // Every kept record is the source's record, times and all.
    for (const r of written.slice(1)) expect(original).toContainEqual(r);
    const texts = written.filter((r): r is FrameRecord => r.type === 'frame').map((r) => r.text);
    expect(texts).toEqual(SESSION_A.slice(2, 6).map((f) => f.text));
  });

  it('keeps a whole session with --session alone, and narrows a filter with it', async () => {
    const b = dir.file('b.jsonl');
    expect(await engine.call('capture.export', { path: source, out: b, session: 'conn_b' })).toMatchObject({ frames: 2, sessions: 1 });
    expect(outline(await records(b))).toEqual(['header', 'open conn_b', 'frame conn_b#0', 'frame conn_b#1', 'note', 'close conn_b']);
    const both = dir.file('boot-b.jsonl');
    expect(await engine.call('capture.export', { path: source, out: both, filter: 'action:BootNotification', session: 'conn_b' })).toMatchObject({ frames: 2, sessions: 1 });
    const none = dir.file('none.jsonl');
    expect(await engine.call('capture.export', { path: source, out: none, filter: 'has:error', session: 'conn_b' })).toMatchObject({ frames: 0, sessions: 0 });
    expect(outline(await records(none))).toEqual(['header', 'note']);
  });

  it('judges before filtering: findings, latency and marks select frames', async () => {
    const out = dir.file('judged.jsonl');
    expect(await engine.call('capture.export', { path: source, out, filter: 'has:error | latency>500 | mark:injected' })).toMatchObject({ frames: 5, sessions: 1 });
    const frames = (await records(out)).filter((r): r is FrameRecord => r.type === 'frame');
    expect(frames.map((f) => f.seq)).toEqual([1, 4, 8, 10, 11]);
    expect(frames[2]).toMatchObject({ marks: ['injected'] });
  });

  it('copies everything without a filter or session, and the copy validates the same', async () => {
    const out = dir.file('all.jsonl');
    expect(await engine.call('capture.export', { path: source, out })).toMatchObject({ frames: SESSION_A.length + SESSION_B.length, sessions: 2 });
    expect((await records(out)).slice(1)).toEqual((await records(source)).slice(1));
    const [a, b] = await Promise.all([engine.call('capture.validate', { path: source }), engine.call('capture.validate', { path: out })]);
    expect(b.findings).toEqual(a.findings);
  });

  it('keeps frame text byte for byte, escapes and all', async () => {
    const odd = dir.file('odd.jsonl');
    const w = await CaptureWriter.create(odd, { mode: 'proxy' });
    w.append({ type: 'open', conn: 'conn_u', chargePointId: 'CP-ü', path: '/CP-ü', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
    const texts = [
      '[2, "u1" ,"DataTransfer",{"vendorId":"é\\u00e9 ☃ 𝄞","data":"a\\"b\\\\c\\n"}]  ',
      '[3,"u1",{"status":"Accepted","data":"\\ud83d\\ude00"}]',
      '[2,"u2","DataTransfer",{"vendorId":"x"}] \t',
    ];
    texts.forEach((text, seq) => w.append({ type: 'frame', conn: 'conn_u', seq, dir: seq % 2 === 0 ? 'cp2csms' : 'csms2cp', text }));
    await w.close();
    const out = dir.file('odd-out.jsonl');
    expect(await exportCapture(odd, out, { filter: 'action:DataTransfer' })).toMatchObject({ frames: 3 });
    const exported = (await records(out)).filter((r): r is FrameRecord => r.type === 'frame').map((r) => Buffer.from(r.text!, 'utf8'));
    expect(exported).toEqual(texts.map((t) => Buffer.from(t, 'utf8')));
  });

  it('refuses a bad filter, its own source, and an unreadable file, before writing anything', async () => {
    const out = dir.file('never.jsonl');
    await expect(engine.call('capture.export', { path: source, out, filter: 'latency>fast' })).rejects.toMatchObject({ code: 'bad-args', details: { position: 8, length: 4 } });
    await expect(engine.call('capture.export', { path: source, out: source })).rejects.toMatchObject({ code: 'bad-args', message: expect.stringContaining('overwrite its source') });
    const notCapture = dir.file('not.jsonl');
    writeFileSync(notCapture, 'hello\n');
    await expect(engine.call('capture.export', { path: notCapture, out })).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('not.jsonl:1') });
    await expect(engine.call('capture.export', { path: source, out: dir.file('no/such/dir/x.jsonl') })).rejects.toMatchObject({ code: 'io' });
    expect(() => readFileSync(out)).toThrow();
  });
});
