import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { CaptureWriter } from './writer';
import { readCapture, readRecordAt, CaptureReadError, type CaptureWarning } from './reader';
import { CAPTURE_VERSION, type CaptureRecord, type FrameRecord } from './format';
import { tempDir } from '../testing/tmp';

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function tmp(name = 'c.jsonl'): string {
  const d = tempDir();
  dirs.push(d);
  return d.file(name);
}

async function readAll(path: string, warnings: CaptureWarning[] = []): Promise<CaptureRecord[]> {
  const out: CaptureRecord[] = [];
  for await (const r of readCapture(path, { onWarning: (w) => warnings.push(w), chunkSize: 64 })) out.push(r.record);
  return out;
}

const tricky = [
  '[2,"1","DataTransfer",{"vendorId":"ü€𝄞","data":"\\u0000\\n\\"quoted\\" \\\\ back"}]',
  '[2,"2","DataTransfer",{"vendorId":"x","data":"line\nbreak raw"}]',
  `[2,"3","DataTransfer",{"vendorId":"x","data":"${'long-'.repeat(50_000)}"}]`,
  '  [3, "4" , {} ]  ',
  'not json at all {',
  '',
];

async function writeSample(path: string): Promise<CaptureWriter> {
  const w = await CaptureWriter.create(path, { mode: 'proxy' });
  w.append({ type: 'open', conn: 'conn_a', chargePointId: 'CP1', path: '/ocpp/CP1', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
  tricky.forEach((text, seq) => w.append({ type: 'frame', conn: 'conn_a', seq, dir: seq % 2 ? 'csms2cp' : 'cp2csms', text }));
  w.append({ type: 'frame', conn: 'conn_a', seq: tricky.length, dir: 'cp2csms', binary: Buffer.from([0, 1, 2, 255]).toString('base64'), marks: ['binary'] });
  w.append({ type: 'close', conn: 'conn_a', code: 1000, reason: 'bye', by: 'charger', how: 'clean' });
  return w;
}

describe('capture round trip', () => {
  it('is byte-exact for tricky text and keeps binary frames flagged', async () => {
    const path = tmp();
    const w = await writeSample(path);
    await w.close();
    const records = await readAll(path);
    expect(records[0]).toMatchObject({ type: 'header', format: 'ocpp-bench-capture', version: CAPTURE_VERSION, mode: 'proxy' });
    const frames = records.filter((r): r is FrameRecord => r.type === 'frame');
    expect(frames.slice(0, tricky.length).map((f) => f.text)).toEqual(tricky);
    const bin = frames[tricky.length]!;
    expect(bin.marks).toEqual(['binary']);
    expect([...Buffer.from(bin.binary!, 'base64')]).toEqual([0, 1, 2, 255]);
    expect(records.at(-1)).toMatchObject({ type: 'close', by: 'charger', code: 1000 });
    // Every record is stamped with wall-clock and monotonic time, in order.
    const monos = records.slice(1).map((r) => (r as { mono: number }).mono);
    expect([...monos].sort((a, b) => a - b)).toEqual(monos);
  });

  it('gives each record its byte range, so details can be read again on demand', async () => {
    const path = tmp();
    await (await writeSample(path)).close();
    const located = [];
    for await (const r of readCapture(path)) located.push(r);
    const third = located[3]!;
    expect(await readRecordAt(path, third.offset, third.length)).toEqual(third.record);
  });

  it('treats a torn last line as a warning and keeps everything before it', async () => {
    const path = tmp();
    await (await writeSample(path)).close();
    appendFileSync(path, '{"type":"frame","conn":"conn_a","seq":99,"dir":"cp2csms","te');
    const warnings: CaptureWarning[] = [];
    const records = await readAll(path, warnings);
    expect(records.filter((r) => r.type === 'frame')).toHaveLength(tricky.length + 1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/last line .* incomplete/);
  });

  it('skips unknown record types silently', async () => {
    const path = tmp();
    await (await writeSample(path)).close();
    appendFileSync(path, '{"type":"hologram","conn":"conn_a"}\n{"type":"note","time":"2025-01-01T00:00:00Z","mono":1,"text":"after"}\n');
    const warnings: CaptureWarning[] = [];
    const records = await readAll(path, warnings);
    expect(records.at(-1)).toMatchObject({ type: 'note', text: 'after' });
    expect(records.some((r) => (r.type as string) === 'hologram')).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('refuses a newer format version with a clear message', async () => {
    const path = tmp();
    writeFileSync(path, `${JSON.stringify({ type: 'header', format: 'ocpp-bench-capture', version: CAPTURE_VERSION + 1, tool: 'ocpp-bench', toolVersion: '9.9.9', started: '2030-01-01T00:00:00Z', mode: 'proxy' })}\n`);
    await expect(readAll(path)).rejects.toThrow(/format version 2 .*reads versions up to 1\. Update ocpp-bench/);
  });

  it('refuses files that are not captures, naming the file and the problem', async () => {
    const path = tmp('notes.txt');
    writeFileSync(path, 'hello\nworld\n');
    await expect(readAll(path)).rejects.toThrow(CaptureReadError);
    await expect(readAll(path)).rejects.toThrow(/notes\.txt:1: not an ocpp-bench capture/);
    const empty = tmp('empty.jsonl');
    writeFileSync(empty, '');
    await expect(readAll(empty)).rejects.toThrow(/empty/);
    await expect(readAll(tmp('missing.jsonl'))).rejects.toThrow(/missing\.jsonl: no such file/);
  });

  it('flushes on its own within the flush interval, without close', async () => {
    const path = tmp();
    const w = await CaptureWriter.create(path, { mode: 'proxy', flushIntervalMs: 20 });
    w.append({ type: 'note', text: 'first' });
    await new Promise((r) => setTimeout(r, 120));
    expect(readFileSync(path, 'utf8')).toContain('"first"');
    await w.close();
  });

  it('fails loudly when the file cannot be created', async () => {
    await expect(CaptureWriter.create('/proc/definitely/not/here.jsonl', { mode: 'proxy' })).rejects.toThrow(/Recording to .* failed/);
  });

  it('reports a write failure to listeners and refuses further records', async () => {
    const path = tmp();
    const w = await CaptureWriter.create(path, { mode: 'proxy' });
    const errors: Error[] = [];
    w.onError((e) => errors.push(e));
    // Close the underlying handle behind the writer's back: the next write fails.
    await (w as unknown as { handle: { close(): Promise<void> } }).handle.close();
    w.append({ type: 'note', text: 'lost?' });
    await w.flush();
    expect(errors).toHaveLength(1);
    expect(w.failed?.message).toMatch(/Recording to .* failed/);
    expect(() => w.append({ type: 'note', text: 'again' })).toThrow(/Recording to/);
  });
});
