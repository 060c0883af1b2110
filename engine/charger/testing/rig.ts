// A test rig: a simulated charger wired to a TestCsms over in-memory sockets, on ManualTimers.
import type { OcppVersion } from '../../../api/model';
import { SimulatedCharger, type SimulatedChargerOptions } from '../charger';
import { FakeClock } from '../../util/clock';
import { ManualTimers } from '../timers';
import { TestCsms, type TestCsmsOptions } from './test-csms';

export interface Rig {
  timers: ManualTimers;
  csms: TestCsms;
  cp: SimulatedCharger;
  /** Moves simulated time by `seconds` (time scale 1). */
  advance(seconds: number): Promise<void>;
  /** Starts the charger and lets it boot (Accepted by default). */
  boot(): Promise<void>;
}

export function makeRig(version: OcppVersion, options: Partial<SimulatedChargerOptions> = {}, csmsOptions: TestCsmsOptions = {}): Rig {
  // A manual clock starting at the real time, so certificates made now are valid.
  const timers = options.timers instanceof ManualTimers ? options.timers : new ManualTimers(new FakeClock(Date.now(), 0));
  const csms = new TestCsms(version, { chargePointId: options.id ?? 'CP1', ...csmsOptions });
  const cp = new SimulatedCharger({ id: 'CP1', version, transport: csms, timers, ...options });
  const advance = (seconds: number) => timers.advance(seconds * 1000);
  return {
    timers,
    csms,
    cp,
    advance,
    async boot() {
      cp.start();
      await advance(0);
    },
  };
}
