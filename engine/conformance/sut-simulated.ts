// The built-in systems under test for simulated runs: the charger simulator (engine/charger)
// for cases with the charger under test, and the standalone CSMS (engine/csms) for cases
// with the CSMS under test. Their operator steps are performed through their own apis.
import type { OcppVersion } from '../../api/model';
import { SimulatedCharger } from '../charger/charger';
import { TableDriver } from './drivers';
import type { ChargerSutFactory, RunDeps } from './runner';
import type { SutSettings } from './settings';

/** Options of the simulator that follow from the SUT settings. */
export function simulatorOptions(settings: SutSettings, version: OcppVersion) {
  return {
    id: settings.chargePointId,
    version,
    connectors: settings.connectors,
    vendor: settings.vendor,
    model: settings.model,
    fixedCable: settings.features.includes('FixedCable'),
    profiles: settings.profiles,
    settings: settings.configuration,
    ...(settings.password !== undefined && settings.securityProfile >= 1 ? { password: settings.password } : {}),
  };
}

export const simulatedCharger: ChargerSutFactory = async ({ url, settings, version, behaviour, timeScale }) => {
  const charger = new SimulatedCharger({
    ...simulatorOptions(settings, version),
    url,
    timeScale,
    // The runner cares about the charger's behaviour on the wire, not its own judging.
    behaviours: behaviour === undefined ? [] : behaviour.split('+'),
    rebootDelayS: 2,
  });
  const o = charger.operator;
  const operator = new TableDriver(
    {
      plugIn: (a) => o.plugIn(a.connectorId),
      unplug: (a) => o.unplug(a.connectorId),
      presentIdTag: (a) => o.presentIdToken(a.idTag, a.connectorId),
      evSuspend: (a) => o.evSuspend(a.connectorId),
      evResume: (a) => o.evResume(a.connectorId),
      fault: (a) => o.fault(a.connectorId, a.errorCode),
      clearFault: (a) => o.clearFault(a.connectorId),
      powerCycle: () => o.powerLoss(),
      lockFailure: (a) => o.lockFailure(a.connectorId, true),
      unlockFailure: (a) => o.unlockFailure(a.connectorId, true),
      networkDown: () => o.networkDown(),
      networkUp: () => o.networkUp(),
    },
    // A simulated display shows what the charger means to show.
    (_question, expected) => (expected === false ? 'no' : 'yes'),
  );
  charger.start();
  return { operator, stop: () => charger.stop() };
};

/** The default built-in SUTs of an engine. */
export function builtInSimulators(): NonNullable<RunDeps['simulators']> {
  return { charger: simulatedCharger };
}
