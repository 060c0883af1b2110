// Named faulty behaviours of the simulated charger: data only (name, one sentence, what it
// targets, the judge rule or conformance case that should catch it). They exist to prove
// that conformance cases and judge rules can fail. The hooks that make them happen are in
// faults.ts and at the decision points of the models (search for `faults.has('…')`).
import type { BehaviourInfo } from '../../api/sim';
import type { OcppVersion } from '../../api/model';

const ALL: OcppVersion[] = ['1.6', '2.0.1', '2.1'];
const V16: OcppVersion[] = ['1.6'];
const V2: OcppVersion[] = ['2.0.1', '2.1'];

export const BEHAVIOURS = [
  // --- RPC framework (every profile / block) -------------------------------------------------
  {
    name: 'sends-malformed-json',
    description: 'Sends every Heartbeat as truncated JSON text.',
    versions: ALL,
    targets: ['Core', 'B'],
    rule: 'framing.not-json',
    judgedNow: true,
  },
  {
    name: 'omits-required-field',
    description: 'Sends StatusNotification without its required status field (1.6 errorCode, 2.x connectorStatus).',
    versions: ALL,
    targets: ['Core', 'G'],
    rule: 'schema.required',
    judgedNow: true,
  },
  {
    name: 'reuses-message-ids',
    description: 'Uses the same message id for every CALL it sends.',
    versions: ALL,
    targets: ['Core', 'B'],
    rule: 'correlation.duplicate-message-id',
    judgedNow: true,
  },
  {
    name: 'breaks-outstanding-call',
    description: 'Sends a second Heartbeat before the first one is answered (more than one outstanding CALL).',
    versions: ALL,
    targets: ['Core', 'G'],
    rule: 'correlation.outstanding-call',
    judgedNow: true,
  },
  {
    name: 'answers-too-late',
    description: 'Answers every CSMS request only after a delay (seconds, default 40), beyond a usual response timeout.',
    versions: ALL,
    targets: ['Core', 'B'],
    rule: 'correlation.response-timeout',
    judgedNow: true,
    parameter: { name: 'seconds', default: 40, description: 'delay before each answer, in real seconds' },
  },
  // --- Core / B Provisioning / G Availability ---------------------------------------------------
  {
    name: 'skip-boot',
    description: 'Starts with StatusNotification and other requests as if accepted, and sends BootNotification only ten seconds later.',
    versions: ALL,
    targets: ['Core', 'B'],
    rule: 'sequence.boot-first',
    judgedNow: true,
  },
  {
    name: 'boot-retry-ignores-interval',
    description: 'Sends BootNotification again about a second after Pending or Rejected instead of waiting for the interval.',
    versions: ALL,
    targets: ['Core', 'B'],
    rule: 'timing.boot-retry-after-rejected',
    judgedNow: true,
  },
  {
    name: 'heartbeat-ignores-interval',
    description: 'Sends Heartbeat at its own fixed period (seconds, default 5) whatever interval the CSMS set.',
    versions: ALL,
    targets: ['Core', 'G'],
    rule: 'timing.heartbeat-early',
    judgedNow: true,
    parameter: { name: 'seconds', default: 5, description: 'heartbeat period, in simulated seconds' },
  },
  {
    name: 'invalid-status-transition',
    description: 'Reports Finishing instead of Preparing when a cable is plugged into an Available connector (not a transition of OCPP 1.6 §4.9).',
    versions: V16,
    targets: ['Core'],
    rule: 'state.connector-transition',
    judgedNow: true,
  },
  {
    name: 'status-not-reported',
    description: 'Changes connector availability on ChangeAvailability without sending StatusNotification.',
    versions: ALL,
    targets: ['Core', 'G'],
    rule: 'timing.availability-not-reported',
    judgedNow: true,
  },
  {
    name: 'getvariables-accepts-unknown',
    description: 'Answers GetVariables and SetVariables for unknown components or variables with Accepted instead of UnknownComponent/UnknownVariable.',
    versions: V2,
    targets: ['B'],
    rule: 'case: TC_B_08_CS',
    judgedNow: false,
  },
  // --- Core / C Authorization / E Transactions / J Metering ----------------------------------------
  {
    name: 'starts-on-invalid-id',
    description: 'Starts a transaction even when the CSMS answered Authorize with a status other than Accepted.',
    versions: ALL,
    targets: ['Core', 'C'],
    rule: 'state.tx-after-rejected-authorization',
    judgedNow: false,
  },
  {
    name: 'authorize-before-stop',
    description: 'Sends Authorize before stopping a transaction with the idTag that started it (OCPP 1.6 §4.1 forbids it).',
    versions: V16,
    targets: ['Core'],
    rule: 'sequence.authorize-before-stop',
    judgedNow: false,
  },
  {
    name: 'wrong-transaction-id',
    description: 'Uses a transaction id the CSMS never saw: 1.6 MeterValues and StopTransaction, 2.x TransactionEvent after Started.',
    versions: ALL,
    targets: ['Core', 'E'],
    rule: 'state.transaction-id-unknown, state.tx-id-unstable',
    judgedNow: true,
  },
  {
    name: 'meter-goes-backwards',
    description: 'The energy register in meter values decreases while charging instead of increasing.',
    versions: ALL,
    targets: ['Core', 'J'],
    rule: 'state.energy-register-decreased',
    judgedNow: true,
  },
  {
    name: 'tx-seqno-gap',
    description: 'Skips a number in TransactionEvent seqNo after the Started event.',
    versions: V2,
    targets: ['E'],
    rule: 'sequence.tx-seqno-gap',
    judgedNow: true,
  },
  {
    name: 'tx-updated-before-started',
    description: 'Sends the first TransactionEvent of a transaction with eventType Updated instead of Started.',
    versions: V2,
    targets: ['E'],
    rule: 'sequence.tx-started-first',
    judgedNow: true,
  },
  // --- Core / F Remote control / RemoteTrigger ----------------------------------------------------
  {
    name: 'remote-start-ignored',
    description: 'Accepts RemoteStartTransaction / RequestStartTransaction but never starts a transaction.',
    versions: ALL,
    targets: ['Core', 'F'],
    rule: 'timing.remote-start-timeout',
    judgedNow: true,
  },
  {
    name: 'ignores-trigger-message',
    description: 'Answers TriggerMessage Accepted but never sends the requested message.',
    versions: ALL,
    targets: ['RemoteTrigger', 'F'],
    rule: 'timing.trigger-not-followed',
    judgedNow: true,
  },
  {
    name: 'trigger-before-response',
    description: 'Sends the triggered message before answering TriggerMessage (the answer must come first).',
    versions: ALL,
    targets: ['RemoteTrigger', 'F'],
    rule: 'sequence.trigger-order',
    judgedNow: false,
  },
  // --- LocalAuthListManagement / D -----------------------------------------------------------
  {
    name: 'local-list-version-stuck',
    description: 'Accepts SendLocalList but GetLocalListVersion keeps reporting the version it had before.',
    versions: ALL,
    targets: ['LocalAuthListManagement', 'D'],
    rule: 'case: TC_043_2_CS / TC_D_01_CS',
    judgedNow: false,
  },
  // --- Reservation / H ------------------------------------------------------------------------
  {
    name: 'rejects-every-reservation',
    description: 'Answers every ReserveNow with Rejected, whatever the connector state.',
    versions: ALL,
    targets: ['Reservation', 'H'],
    rule: 'case: TC_046_1_CS / TC_H_01_CS',
    judgedNow: false,
  },
  {
    name: 'reservation-never-expires',
    description: 'Keeps a reservation (and the Reserved status) after its expiry time.',
    versions: ALL,
    targets: ['Reservation', 'H'],
    rule: 'case: TC_047_CS / TC_H_15_CS',
    judgedNow: false,
  },
  // --- SmartCharging / K ---------------------------------------------------------------------
  {
    name: 'stacks-profiles-wrongly',
    description: 'Lets the lowest stackLevel win when charging profiles of one purpose overlap, instead of the highest.',
    versions: ALL,
    targets: ['SmartCharging', 'K'],
    rule: 'case: TC_072_CS / TC_K_10_CS',
    judgedNow: false,
  },
  {
    name: 'accepts-txprofile-without-transaction',
    description: 'Accepts a TxProfile although no transaction runs on the connector (it must be rejected).',
    versions: ALL,
    targets: ['SmartCharging', 'K'],
    rule: 'case: TC_058_1_CS / TC_K_08_CS',
    judgedNow: false,
  },
  // --- FirmwareManagement / L / N Diagnostics ----------------------------------------------------
  {
    name: 'firmware-installed-without-downloading',
    description: 'Reports firmware Installed straight after UpdateFirmware, without Downloading, Downloaded and Installing.',
    versions: ALL,
    targets: ['FirmwareManagement', 'L'],
    rule: 'sequence.firmware-status-order',
    judgedNow: false,
  },
  {
    name: 'diagnostics-without-status',
    description: 'Answers GetDiagnostics with a file name but never sends DiagnosticsStatusNotification.',
    versions: V16,
    targets: ['FirmwareManagement'],
    rule: 'case: TC_045_1_CS',
    judgedNow: false,
  },
  {
    name: 'log-upload-without-status',
    description: 'Accepts GetLog but never sends LogStatusNotification.',
    versions: ALL,
    targets: ['Security', 'N'],
    rule: 'case: TC_079_CS / TC_N_25_CS',
    judgedNow: false,
  },
  // --- Security / A / M ------------------------------------------------------------------------
  {
    name: 'accepts-security-profile-downgrade',
    description: 'Accepts a lower security profile (1.6 ChangeConfiguration SecurityProfile, 2.x SetNetworkProfile) instead of rejecting it.',
    versions: ALL,
    targets: ['Security', 'A'],
    rule: 'case: TC_084_CS / TC_A_21_CS',
    judgedNow: false,
  },
  {
    name: 'accepts-invalid-certificate',
    description: 'Accepts CertificateSigned and InstallCertificate with a certificate that does not parse, and raises no security event.',
    versions: ALL,
    targets: ['Security', 'M'],
    rule: 'case: TC_077_CS / TC_A_14_CS',
    judgedNow: false,
  },
  {
    name: 'no-security-events',
    description: 'Never sends SecurityEventNotification, not even for critical events such as StartupOfTheDevice.',
    versions: ALL,
    targets: ['Security', 'A'],
    rule: 'security.event-after-boot',
    judgedNow: true,
  },
  // --- I Tariff and cost / O Display message / P Data transfer --------------------------------------
  {
    name: 'cost-updated-error',
    description: 'Answers CostUpdated with a CALLERROR InternalError.',
    versions: V2,
    targets: ['I'],
    rule: 'case: TC_I_01_CS',
    judgedNow: false,
  },
  {
    name: 'display-messages-forgotten',
    description: 'Accepts SetDisplayMessage but never stores the message, so GetDisplayMessages answers Unknown.',
    versions: V2,
    targets: ['O'],
    rule: 'case: TC_O_01_CS',
    judgedNow: false,
  },
  {
    name: 'datatransfer-accepts-unknown-vendor',
    description: 'Answers DataTransfer Accepted for any vendorId instead of UnknownVendorId.',
    versions: ALL,
    targets: ['Core', 'P'],
    rule: 'case: TC_062_CS / TC_P_01_CS',
    judgedNow: false,
  },
] as const satisfies readonly BehaviourInfo[];

export type BehaviourName = (typeof BEHAVIOURS)[number]['name'];

export function behaviourInfo(name: string): BehaviourInfo | undefined {
  return (BEHAVIOURS as readonly BehaviourInfo[]).find((b) => b.name === name);
}

export function behavioursFor(version: OcppVersion): BehaviourInfo[] {
  return (BEHAVIOURS as readonly BehaviourInfo[]).filter((b) => b.versions.includes(version));
}
