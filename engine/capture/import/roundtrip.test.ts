// Import against the truth: a session of the bench's simulator and CSMS, recorded by the
// CSMS, then (1) written into a pcap by the test builder and (2) captured off the loopback
// interface by tcpdump when it is installed. The imported frames must be the recorded ones,
// byte for byte, and the two captures must not differ.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FrameRecord, OpenRecord } from '../format';
import { readCapture } from '../reader';
import { diffCaptures } from '../../replay/diff/capture-diff';
import { benchCsms, simulator } from '../../replay/testing';
import { until } from '../../csms/testing';
import { tempDir } from '../../testing/tmp';
import { importCapture } from './import';
import { Conversation, LINKTYPE, pcapngFile, upgradeRequest, upgradeResponse, wsFrame } from './testing';

const tmp = tempDir('import-roundtrip-');
afterAll(() => tmp.remove());

async function read(path: string): Promise<{ open: OpenRecord; frames: FrameRecord[] }> {
  let open: OpenRecord | undefined;
  const frames: FrameRecord[] = [];
  for await (const { record } of readCapture(path)) {
    if (record.type === 'open') open ??= record;
    if (record.type === 'frame') frames.push(record);
  }
  return { open: open!, frames };
}

/** Boot, a card, a transaction started and stopped: recorded by the CSMS; returns the CSMS's port. */
async function chargingSession(capture: string, id: string, before?: (port: number) => Promise<void>): Promise<void> {
  const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } }, { capture });
  await before?.(Number(new URL(url).port));
  const cp = simulator({ id, version: '1.6', url: `${url}/ocpp` });
  try {
    await until(() => (cp.summary().registration === 'accepted' ? true : undefined), 5000, 'accepted');
    await cp.idle();
    cp.operator.plugIn(1);
    cp.operator.presentIdToken('CARD', 1);
    await until(() => csms.state(id)?.transactions.find((t) => t.state === 'active'), 5000, 'a transaction');
    await cp.idle();
    cp.operator.presentIdToken('CARD', 1);
    await until(() => (csms.state(id)?.transactions.every((t) => t.state !== 'active') === true ? true : undefined), 5000, 'stopped');
    await cp.idle();
  } finally {
    await cp.stop();
    await csms.stop();
  }
}

describe('import round trip', () => {
  it('a recorded session written into pcapng and imported is the same session', async () => {
    const recorded = tmp.file('recorded.jsonl');
    await chargingSession(recorded, 'RT-1');
    const { open, frames } = await read(recorded);
    const c = new Conversation({ ip: '192.168.1.20', port: 49152 }, { ip: '192.168.1.1', port: 9000 }, 'ethernet');
    const t0 = Date.parse(open.time);
    c.handshake(t0 - 1).send('client', upgradeRequest(open.path, open.offeredSubprotocols), t0 - 0.5).send('server', upgradeResponse(open.subprotocol), t0);
    for (const f of frames) c.send(f.dir === 'cp2csms' ? 'client' : 'server', wsFrame({ opcode: 1, payload: f.text!, mask: f.dir === 'cp2csms' }), Date.parse(f.time));
    c.fin('client', Date.parse(frames.at(-1)!.time) + 1);
    const pcap = tmp.file('rt.pcapng');
    writeFileSync(pcap, pcapngFile(c.packets, { linkType: LINKTYPE.ethernet }));
    const out = tmp.file('rt.jsonl');
    const result = await importCapture({ path: pcap, out });
    expect(result.problems).toEqual([]);
    const imported = await read(out);
    expect(imported.frames.map((f) => [f.dir, f.text])).toEqual(frames.map((f) => [f.dir, f.text]));
    expect(imported.frames.map((f) => f.time)).toEqual(frames.map((f) => f.time));
    expect(imported.open).toMatchObject({ chargePointId: 'RT-1', path: open.path, subprotocol: 'ocpp1.6' });
    expect(await diffCaptures({ a: recorded, b: out })).toMatchObject({ equal: true });
  });
});

const tcpdump = spawnSync('tcpdump', ['--version'], { encoding: 'utf8' });
const noTcpdump = tcpdump.error !== undefined ? `tcpdump is not installed (${tcpdump.error.message})` : undefined;
if (noTcpdump !== undefined) console.warn(`skipping the live loopback capture test: ${noTcpdump}`);

describe.skipIf(noTcpdump !== undefined)('import of real loopback traffic captured by tcpdump', () => {
  for (const iface of ['lo', 'any']) {
    it(`tcpdump -i ${iface}: the frames the CSMS recorded, byte for byte`, async () => {
      const recorded = tmp.file(`live-${iface}.jsonl`);
      const pcap = tmp.file(`live-${iface}.pcap`);
      let dump: ReturnType<typeof spawn> | undefined;
      let stderr = '';
      try {
        await chargingSession(recorded, `LIVE-${iface}`, async (port) => {
          // Immediate mode and -U: each packet read and written at once (else the last ones wait in
          // the kernel's buffer and are lost when tcpdump stops); -B: room for a burst;
          // -Z root: keep writing into our own temp directory.
          dump = spawn('tcpdump', ['-i', iface, '--immediate-mode', '-B', '8192', '-U', '-Z', 'root', '--time-stamp-precision', 'nano', '-w', pcap, `tcp port ${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
          dump.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
          const exited = new Promise((resolve) => dump!.once('exit', resolve));
          const ready = until(() => (/listening on/.test(stderr) ? true : undefined), 5000, 'tcpdump listening');
          const failed = exited.then(() => {
            throw new Error(`tcpdump could not capture: ${stderr.trim()}`);
          });
          await Promise.race([ready, failed]);
        });
        // Let the last packets reach the file, then stop tcpdump (SIGINT flushes and closes it).
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        if (dump !== undefined && dump.exitCode === null) {
          const exited = new Promise((resolve) => dump!.once('exit', resolve));
          dump.kill('SIGINT');
          await exited;
        }
      }
      const out = tmp.file(`live-${iface}-imported.jsonl`);
      const result = await importCapture({ path: pcap, out });
      expect(result.problems, `tcpdump said: ${stderr}`).toEqual([]);
      const want = await read(recorded);
      const got = await read(out);
      expect(got.frames.map((f) => [f.dir, f.text])).toEqual(want.frames.map((f) => [f.dir, f.text]));
      expect(got.open).toMatchObject({ chargePointId: `LIVE-${iface}`, subprotocol: 'ocpp1.6', remoteAddress: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
      // The wire times are within a few milliseconds of the times the CSMS stamped.
      got.frames.forEach((f, i) => expect(Math.abs(Date.parse(f.time) - Date.parse(want.frames[i]!.time))).toBeLessThan(50));
      expect(await diffCaptures({ a: recorded, b: out })).toMatchObject({ equal: true });
    });
  }
});
