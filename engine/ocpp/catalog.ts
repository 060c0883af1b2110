// The action catalogue: every action of each version, who may send it, and the
// 1.6 feature profile or 2.x functional block it belongs to.
//
// Sources: OCPP 1.6 edition 2 §3 (feature profiles, Table "Feature Profiles") and §4–§6;
// the 1.6 security whitepaper edition 3 §1.4 (new messages: "Security" here);
// OCPP 2.0.1 Part 0 §3 and 2.1 Part 0 §3.3 (functional blocks and use cases);
// OCPP 2.1 Part 4 §4.2.4 (SEND: NotifyPeriodicEventStream).
import type { Direction, OcppVersion } from '../../api/model';

/** Who may initiate the action: the charger, the CSMS, or both (DataTransfer). */
export type Initiator = 'charger' | 'csms' | 'both';

export type Profile16 =
  | 'Core'
  | 'FirmwareManagement'
  | 'LocalAuthListManagement'
  | 'Reservation'
  | 'SmartCharging'
  | 'RemoteTrigger'
  | 'Security';

export const PROFILES_16: readonly Profile16[] = [
  'Core',
  'FirmwareManagement',
  'LocalAuthListManagement',
  'Reservation',
  'SmartCharging',
  'RemoteTrigger',
  'Security',
];

export type Block = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S';

export const BLOCK_TITLES: Readonly<Record<Block, string>> = {
  A: 'Security',
  B: 'Provisioning',
  C: 'Authorization',
  D: 'Local Authorization List Management',
  E: 'Transactions',
  F: 'Remote Control',
  G: 'Availability',
  H: 'Reservation',
  I: 'Tariff and Cost',
  J: 'Metering',
  K: 'Smart Charging',
  L: 'Firmware Management',
  M: 'Certificate Management',
  N: 'Diagnostics',
  O: 'Display Message',
  P: 'Data Transfer',
  Q: 'Bidirectional Power Transfer',
  R: 'DER Control',
  S: 'Battery Swapping',
};

export interface ActionInfo {
  action: string;
  version: OcppVersion;
  initiator: Initiator;
  /** 1.6 feature profile, or 2.x functional block letter. */
  group: Profile16 | Block;
  /** true for 2.1 SEND messages: no response exists. */
  unconfirmed?: boolean;
}

type Table = Record<string, [Initiator, Profile16 | Block]>;

const CATALOG_16: Table = {
  Authorize: ['charger', 'Core'],
  BootNotification: ['charger', 'Core'],
  ChangeAvailability: ['csms', 'Core'],
  ChangeConfiguration: ['csms', 'Core'],
  ClearCache: ['csms', 'Core'],
  DataTransfer: ['both', 'Core'],
  GetConfiguration: ['csms', 'Core'],
  Heartbeat: ['charger', 'Core'],
  MeterValues: ['charger', 'Core'],
  RemoteStartTransaction: ['csms', 'Core'],
  RemoteStopTransaction: ['csms', 'Core'],
  Reset: ['csms', 'Core'],
  StartTransaction: ['charger', 'Core'],
  StatusNotification: ['charger', 'Core'],
  StopTransaction: ['charger', 'Core'],
  UnlockConnector: ['csms', 'Core'],
  GetDiagnostics: ['csms', 'FirmwareManagement'],
  DiagnosticsStatusNotification: ['charger', 'FirmwareManagement'],
  FirmwareStatusNotification: ['charger', 'FirmwareManagement'],
  UpdateFirmware: ['csms', 'FirmwareManagement'],
  GetLocalListVersion: ['csms', 'LocalAuthListManagement'],
  SendLocalList: ['csms', 'LocalAuthListManagement'],
  CancelReservation: ['csms', 'Reservation'],
  ReserveNow: ['csms', 'Reservation'],
  ClearChargingProfile: ['csms', 'SmartCharging'],
  GetCompositeSchedule: ['csms', 'SmartCharging'],
  SetChargingProfile: ['csms', 'SmartCharging'],
  TriggerMessage: ['csms', 'RemoteTrigger'],
  // Security whitepaper edition 3 §1.4 / §4–§7.
  CertificateSigned: ['csms', 'Security'],
  DeleteCertificate: ['csms', 'Security'],
  ExtendedTriggerMessage: ['csms', 'Security'],
  GetInstalledCertificateIds: ['csms', 'Security'],
  GetLog: ['csms', 'Security'],
  InstallCertificate: ['csms', 'Security'],
  LogStatusNotification: ['charger', 'Security'],
  SecurityEventNotification: ['charger', 'Security'],
  SignCertificate: ['charger', 'Security'],
  SignedFirmwareStatusNotification: ['charger', 'Security'],
  SignedUpdateFirmware: ['csms', 'Security'],
};

const CATALOG_201: Table = {
  // A Security
  CertificateSigned: ['csms', 'A'],
  SecurityEventNotification: ['charger', 'A'],
  SignCertificate: ['charger', 'A'],
  // B Provisioning
  BootNotification: ['charger', 'B'],
  GetBaseReport: ['csms', 'B'],
  GetReport: ['csms', 'B'],
  GetVariables: ['csms', 'B'],
  NotifyReport: ['charger', 'B'],
  Reset: ['csms', 'B'],
  SetNetworkProfile: ['csms', 'B'],
  SetVariables: ['csms', 'B'],
  // C Authorization
  Authorize: ['charger', 'C'],
  ClearCache: ['csms', 'C'],
  // D Local authorization list
  GetLocalListVersion: ['csms', 'D'],
  SendLocalList: ['csms', 'D'],
  // E Transactions
  GetTransactionStatus: ['csms', 'E'],
  TransactionEvent: ['charger', 'E'],
  // F Remote control
  RequestStartTransaction: ['csms', 'F'],
  RequestStopTransaction: ['csms', 'F'],
  TriggerMessage: ['csms', 'F'],
  UnlockConnector: ['csms', 'F'],
  // G Availability
  ChangeAvailability: ['csms', 'G'],
  Heartbeat: ['charger', 'G'],
  StatusNotification: ['charger', 'G'],
  // H Reservation
  CancelReservation: ['csms', 'H'],
  ReservationStatusUpdate: ['charger', 'H'],
  ReserveNow: ['csms', 'H'],
  // I Tariff and cost
  CostUpdated: ['csms', 'I'],
  // J Metering
  MeterValues: ['charger', 'J'],
  // K Smart charging
  ClearChargingProfile: ['csms', 'K'],
  ClearedChargingLimit: ['charger', 'K'],
  GetChargingProfiles: ['csms', 'K'],
  GetCompositeSchedule: ['csms', 'K'],
  NotifyChargingLimit: ['charger', 'K'],
  NotifyEVChargingNeeds: ['charger', 'K'],
  NotifyEVChargingSchedule: ['charger', 'K'],
  ReportChargingProfiles: ['charger', 'K'],
  SetChargingProfile: ['csms', 'K'],
  // L Firmware management
  FirmwareStatusNotification: ['charger', 'L'],
  PublishFirmware: ['csms', 'L'],
  PublishFirmwareStatusNotification: ['charger', 'L'],
  UnpublishFirmware: ['csms', 'L'],
  UpdateFirmware: ['csms', 'L'],
  // M (ISO 15118) certificate management
  DeleteCertificate: ['csms', 'M'],
  Get15118EVCertificate: ['charger', 'M'],
  GetCertificateStatus: ['charger', 'M'],
  GetInstalledCertificateIds: ['csms', 'M'],
  InstallCertificate: ['csms', 'M'],
  // N Diagnostics
  ClearVariableMonitoring: ['csms', 'N'],
  CustomerInformation: ['csms', 'N'],
  GetLog: ['csms', 'N'],
  GetMonitoringReport: ['csms', 'N'],
  LogStatusNotification: ['charger', 'N'],
  NotifyCustomerInformation: ['charger', 'N'],
  NotifyEvent: ['charger', 'N'],
  NotifyMonitoringReport: ['charger', 'N'],
  SetMonitoringBase: ['csms', 'N'],
  SetMonitoringLevel: ['csms', 'N'],
  SetVariableMonitoring: ['csms', 'N'],
  // O Display message
  ClearDisplayMessage: ['csms', 'O'],
  GetDisplayMessages: ['csms', 'O'],
  NotifyDisplayMessages: ['charger', 'O'],
  SetDisplayMessage: ['csms', 'O'],
  // P Data transfer
  DataTransfer: ['both', 'P'],
};

// 2.1 keeps every 2.0.1 action and adds these (2.1 Part 0 §3.1 and §3.3).
const ADDED_21: Table = {
  // A/M certificates: ISO 15118-20 OCSP chain status (M).
  GetCertificateChainStatus: ['charger', 'M'],
  // C ad hoc payment (C18–C25).
  NotifySettlement: ['charger', 'C'],
  NotifyWebPaymentStarted: ['csms', 'C'],
  VatNumberValidation: ['charger', 'C'],
  // I local cost calculation (I07–I12).
  ChangeTransactionTariff: ['csms', 'I'],
  ClearTariffs: ['csms', 'I'],
  GetTariffs: ['csms', 'I'],
  SetDefaultTariff: ['csms', 'I'],
  // K priority charging (K21–K22) and dynamic profiles (K28).
  NotifyPriorityCharging: ['charger', 'K'],
  UsePriorityCharging: ['csms', 'K'],
  PullDynamicScheduleUpdate: ['charger', 'K'],
  UpdateDynamicSchedule: ['csms', 'K'],
  // N periodic event streams (N11–N15).
  AdjustPeriodicEventStream: ['csms', 'N'],
  ClosePeriodicEventStream: ['charger', 'N'],
  GetPeriodicEventStream: ['csms', 'N'],
  OpenPeriodicEventStream: ['charger', 'N'],
  NotifyPeriodicEventStream: ['charger', 'N'],
  // Q bidirectional power transfer (Q01, Q07).
  AFRRSignal: ['csms', 'Q'],
  NotifyAllowedEnergyTransfer: ['csms', 'Q'],
  // R DER control (R01–R05).
  ClearDERControl: ['csms', 'R'],
  GetDERControl: ['csms', 'R'],
  NotifyDERAlarm: ['charger', 'R'],
  NotifyDERStartStop: ['charger', 'R'],
  ReportDERControl: ['charger', 'R'],
  SetDERControl: ['csms', 'R'],
  // S battery swapping (S01–S04).
  BatterySwap: ['charger', 'S'],
  RequestBatterySwap: ['csms', 'S'],
};

/** 2.1 SEND messages (2.1 Part 4 §4.2.4): unconfirmed, no response schema. */
const UNCONFIRMED_21 = new Set(['NotifyPeriodicEventStream']);

function build(version: OcppVersion, table: Table, unconfirmed = new Set<string>()): ReadonlyMap<string, ActionInfo> {
  const map = new Map<string, ActionInfo>();
  for (const [action, [initiator, group]] of Object.entries(table)) {
    const info: ActionInfo = { action, version, initiator, group };
    if (unconfirmed.has(action)) info.unconfirmed = true;
    map.set(action, info);
  }
  return map;
}

const CATALOGS: Readonly<Record<OcppVersion, ReadonlyMap<string, ActionInfo>>> = {
  '1.6': build('1.6', CATALOG_16),
  '2.0.1': build('2.0.1', CATALOG_201),
  '2.1': build('2.1', { ...CATALOG_201, ...ADDED_21 }, UNCONFIRMED_21),
};

export function actionsOf(version: OcppVersion): ActionInfo[] {
  return [...CATALOGS[version].values()];
}

export function actionInfo(version: OcppVersion, action: string): ActionInfo | undefined {
  return CATALOGS[version].get(action);
}

/** The direction a CALL for this action travels when sent by `initiator`. */
export function directionOf(initiator: 'charger' | 'csms'): Direction {
  return initiator === 'charger' ? 'cp2csms' : 'csms2cp';
}

/** Whether a CALL for `action` may travel in `dir` in this version. */
export function mayTravel(info: ActionInfo, dir: Direction): boolean {
  return info.initiator === 'both' || directionOf(info.initiator) === dir;
}
