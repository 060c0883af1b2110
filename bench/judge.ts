// bench/judge: frames per second for JSON.parse alone versus parse + framing + schema
// judging + correlation + behaviour rules, on a realistic mix of 1.6 and 2.0.1 traffic, in
// one run; the same without behaviour rules shows what they cost.
// Targets (issue #2): ≥ 200,000 frames/s on one core, within 3× of JSON.parse alone.
import { performance } from 'node:perf_hooks';
import type { Direction, OcppVersion } from '../api/model';
import { SessionJudge } from '../engine/judge/session-judge';
import { printResult, round } from './lib/report';

interface Item {
  version: OcppVersion;
  dir: Direction;
  text: string;
}

function meterValues16(id: number, energy: number): string {
  const measurands = [
    ['Energy.Active.Import.Register', 'Wh', energy],
    ['Power.Active.Import', 'W', 7200],
    ['Current.Import', 'A', 31.2],
    ['Voltage', 'V', 230.1],
    ['Frequency', '', 50.0],
    ['Temperature', 'Celsius', 36],
    ['SoC', 'Percent', 55],
    ['Current.Offered', 'A', 32],
    ['Power.Offered', 'W', 7400],
    ['Energy.Active.Export.Register', 'Wh', 0],
  ] as const;
  const sampledValue = measurands.map(([measurand, unit, value]) => ({
    value: String(value),
    context: 'Sample.Periodic',
    format: 'Raw',
    measurand,
    location: 'Outlet',
    ...(unit === '' ? {} : { unit }),
  }));
  return JSON.stringify([2, `mv-${id}`, 'MeterValues', { connectorId: 1, transactionId: 4711, meterValue: [{ timestamp: new Date(1735689600000 + id * 1000).toISOString(), sampledValue }] }]);
}

function buildMix(count: number): Item[] {
  const items: Item[] = [];
  let energy = 1000;
  for (let i = 0; items.length < count; i++) {
    const t = new Date(1735689600000 + i * 1000).toISOString();
    energy += 120;
    items.push({ version: '1.6', dir: 'cp2csms', text: meterValues16(i, energy) });
    items.push({ version: '1.6', dir: 'csms2cp', text: JSON.stringify([3, `mv-${i}`, {}]) });
    items.push({ version: '1.6', dir: 'cp2csms', text: JSON.stringify([2, `sn-${i}`, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: t }]) });
    items.push({ version: '1.6', dir: 'csms2cp', text: JSON.stringify([3, `sn-${i}`, {}]) });
    items.push({ version: '1.6', dir: 'cp2csms', text: JSON.stringify([2, `hb-${i}`, 'Heartbeat', {}]) });
    items.push({ version: '1.6', dir: 'csms2cp', text: JSON.stringify([3, `hb-${i}`, { currentTime: t }]) });
    items.push({
      version: '2.0.1',
      dir: 'cp2csms',
      text: JSON.stringify([2, `te-${i}`, 'TransactionEvent', {
        eventType: 'Updated', timestamp: t, triggerReason: 'MeterValuePeriodic', seqNo: i,
        transactionInfo: { transactionId: 'tx-1', chargingState: 'Charging' }, evse: { id: 1, connectorId: 1 },
        meterValue: [{ timestamp: t, sampledValue: [{ value: energy, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }, { value: 7200, measurand: 'Power.Active.Import' }] }],
      }]),
    });
    items.push({ version: '2.0.1', dir: 'csms2cp', text: JSON.stringify([3, `te-${i}`, {}]) });
  }
  return items.slice(0, count);
}

function timeIt(rounds: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const count = Number(process.argv[2] ?? 200_000);
const items = buildMix(count);
const bytes = items.reduce((n, i) => n + Buffer.byteLength(i.text), 0);

let sink = 0;
const parseMs = timeIt(5, () => {
  for (const item of items) sink += (JSON.parse(item.text) as unknown[]).length;
});

function judgeAll(behaviour: boolean): void {
  const judges: Record<string, SessionJudge> = { '1.6': new SessionJudge('1.6', { behaviour }), '2.0.1': new SessionJudge('2.0.1', { behaviour }) };
  let seq = 0;
  for (const item of items) sink += judges[item.version]!.judge({ text: item.text, dir: item.dir, seq: seq++, mono: seq }).findings.length;
}

const coreMs = timeIt(5, () => judgeAll(false));
const judgeMs = timeIt(5, () => judgeAll(true));

const parseRate = count / (parseMs / 1000);
const judgeRate = count / (judgeMs / 1000);
const ratio = judgeMs / parseMs;
process.stderr.write(`${count} frames, ${(bytes / count).toFixed(0)} bytes on average (sink ${sink})\n`);
process.stderr.write(`JSON.parse alone:        ${Math.round(parseRate).toLocaleString('en')} frames/s\n`);
process.stderr.write(`without behaviour rules: ${Math.round(count / (coreMs / 1000)).toLocaleString('en')} frames/s (${(coreMs / parseMs).toFixed(2)}× the time of JSON.parse)\n`);
process.stderr.write(`parse + frame + schema + behaviour: ${Math.round(judgeRate).toLocaleString('en')} frames/s (${ratio.toFixed(2)}× the time of JSON.parse)\n`);
printResult({
  bench: 'judge',
  figures: {
    frames: count,
    avgBytes: Math.round(bytes / count),
    jsonParseFramesPerSec: Math.round(parseRate),
    judgeWithoutBehaviourFramesPerSec: Math.round(count / (coreMs / 1000)),
    behaviourNsPerFrame: Math.round(((judgeMs - coreMs) / count) * 1e6),
    judgeFramesPerSec: Math.round(judgeRate),
    slowdownVsJsonParse: round(ratio),
  },
  targets: { judgeFramesPerSec: '>= 200000', slowdownVsJsonParse: '<= 3' },
  met: { judgeFramesPerSec: judgeRate >= 200_000, slowdownVsJsonParse: ratio <= 3 },
});
