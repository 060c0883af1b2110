// The built-in systems under test for simulated runs: the charger simulator (engine/charger)
// for cases with the charger under test, and the standalone CSMS (engine/csms) for cases
// with the CSMS under test. Their operator steps are performed through their own apis.
import type { OcppVersion } from '../../api/model';
import { ApiError } from '../../api/errors';
import type { CsmsSettingsPatch } from '../../api/csms';
import { SimulatedCharger } from '../charger/charger';
import { convert } from '../charger/smart-charging';
import { StandaloneCsms } from '../csms/server';
import { checkBehaviours } from '../csms/behaviours';
import { VERSIONS } from '../ocpp/versions';
import { TableDriver } from './drivers';
import type { ChargerSutFactory, CsmsSutFactory, RunDeps } from './runner';
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
    // A back-up power source lets it stop transactions before going down (TC_032_1_CS vs TC_032_2_CS).
    backupPower: settings.features.includes('BackupPower'),
    profiles: settings.profiles,
    settings: settings.configuration,
    // Its own limit, reported when no charging profile applies (OCTT TC_067_CS), converted as the simulator does.
    powerW: convert(settings.smartCharging.localLimit, settings.smartCharging.chargingRateUnit, 'W'),
    ...(settings.password !== undefined && settings.securityProfile >= 1 ? { password: settings.password } : {}),
  };
}

export const simulatedCharger: ChargerSutFactory = async ({ url, settings, version, behaviour, timeScale, security }) => {
  // Security profiles 2 and 3: the bench's root to trust, and (3) a client certificate for
  // the charger's serial number, which the simulator takes from its id.
  const tls = security !== undefined ? await security.simulatedChargerTls(settings.securityProfile, settings.chargePointId) : {};
  const charger = new SimulatedCharger({
    ...simulatorOptions(settings, version),
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    ...(settings.securityProfile >= 0 && settings.securityProfile <= 3 ? { securityProfile: settings.securityProfile } : {}),
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
      evDisconnect: (a) => o.evDisconnect(a.connectorId),
      presentIdTag: (a) => o.presentIdToken(a.idTag, a.connectorId),
      evSuspend: (a) => o.evSuspend(a.connectorId),
      evResume: (a) => o.evResume(a.connectorId),
      fault: (a) => o.fault(a.connectorId, a.errorCode),
      clearFault: (a) => o.clearFault(a.connectorId),
      powerCycle: () => o.powerLoss(),
      lockFailure: (a) => o.lockFailure(a.connectorId, true),
      unlockFailure: (a) => o.unlockFailure(a.connectorId, true),
      firmwareInstallFailure: () => o.firmwareInstallFailure(true),
      localListStorageFailure: () => o.localListStorageFailure(true),
      networkDown: () => o.networkDown(),
      networkUp: () => o.networkUp(),
    },
    // A simulated display shows what the charger means to show.
    (_question, expected) => (expected === false ? 'no' : 'yes'),
  );
  charger.start();
  return { operator, stop: () => charger.stop() };
};

/** CSMS settings that follow from the SUT settings: the tags a case calls valid are valid, and so on. */
export function csmsSettingsFor(settings: SutSettings, version: OcppVersion, timeScale: number): CsmsSettingsPatch {
  const tags = settings.idTags;
  const accepted = { status: 'Accepted', parentIdTag: tags.parent };
  return {
    subprotocols: [VERSIONS[version].subprotocol],
    boot: { status: 'Accepted', interval: settings.heartbeatInterval },
    idTokens: {
      [tags.valid]: accepted,
      [tags.valid2]: accepted,
      [tags.parent]: { status: 'Accepted' },
      [tags.blocked]: { status: 'Blocked' },
      [tags.expired]: { status: 'Expired' },
    },
    unknownIdToken: 'Invalid',
    timeScale,
    ...(settings.password !== undefined && settings.securityProfile >= 1 ? { chargers: { [settings.chargePointId]: { password: settings.password } } } : {}),
  };
}

export const simulatedCsms: CsmsSutFactory = async ({ settings, version, behaviour, timeScale, security }) => {
  const behaviours = behaviour === undefined ? [] : behaviour.split('+');
  const unknown = checkBehaviours(behaviours);
  if (unknown !== undefined) throw new ApiError('bad-args', unknown);
  // Security profiles 2 and 3: TLS with an ECDSA and an RSA server certificate (every cipher
  // suite of whitepaper ed. 3 A00.FR.317), profile 3 trusting the bench's root for client
  // certificates; the same root is the CSMS's CA for charger CSRs (A02).
  const profile = settings.securityProfile;
  const pki = security !== undefined && profile >= 1 ? await security.pki() : undefined;
  const tls =
    pki !== undefined && profile >= 2
      ? { cert: [pki.serverEc.cert, pki.serverRsa.cert], key: [pki.serverEc.key, pki.serverRsa.key], ...(profile === 3 ? { clientCa: pki.centralSystemRoot.cert } : {}) }
      : undefined;
  const csms = new StandaloneCsms({ host: '127.0.0.1', port: 0, behaviours, ...(tls !== undefined ? { tls } : {}) });
  csms.updateSettings({
    ...csmsSettingsFor(settings, version, timeScale),
    ...(pki !== undefined ? { securityProfile: profile as 1 | 2 | 3, signCertificate: { ca: { cert: pki.centralSystemRoot.cert, key: pki.centralSystemRoot.key } } } : {}),
  });
  const { url } = await csms.start();
  const cp = settings.chargePointId;
  const operator = new TableDriver({
    // The harness (the bench's charger) answers; the CSMS's own outcome does not matter here.
    csmsSend: (a) => refusedOrSent(csms.send(cp, a.action, a.payload)),
    csmsConfigure: (a) => void csms.updateSettings({ [a.setting]: a.value }),
  });
  const client = pki !== undefined && profile === 3 ? pki.clientCertificate(cp) : undefined;
  const chargerTls = pki !== undefined && profile >= 2 ? { ca: pki.centralSystemRoot.cert, ...(client !== undefined ? { cert: client.cert, key: client.key } : {}) } : undefined;
  return { url, operator, stop: () => csms.stop(), ...(chargerTls !== undefined ? { tls: chargerTls } : {}) };
};

/**
 * Resolves once a CALL of the built-in CSMS is on its way, or rejects if the CSMS refuses
 * to send it (a faulty behaviour, an invalid payload, the charger not connected). The
 * answer is the harness's business, so it is not waited for: the tool may answer late or not at all.
 */
export async function refusedOrSent(sending: Promise<unknown>): Promise<void> {
  // A refusal comes before the CALL is sent, so it has settled by the next turn of the event loop.
  const refused = await Promise.race([sending.then(() => undefined, (err: unknown) => err ?? new Error('refused')), new Promise<undefined>((r) => setImmediate(() => r(undefined)))]);
  if (refused !== undefined) throw refused instanceof Error ? refused : new Error(String(refused));
}

/** The default built-in SUTs of an engine. */
export function builtInSimulators(): NonNullable<RunDeps['simulators']> {
  return { charger: simulatedCharger, csms: simulatedCsms };
}
