// The OCPP 2.0.1 / 2.1 device model of the simulated charging station: components and
// variables with their Actual attribute, mutability and characteristics; GetVariables,
// SetVariables and report data built from them.
//
// 2.0.1 Part 2 B05–B08 (statuses UnknownComponent, UnknownVariable,
// NotSupportedAttributeType, Rejected for read-only or invalid values, RebootRequired),
// Part 2 Appendices §3 (standardized controller and physical components and variables),
// DataEnumType (boolean, integer, decimal, string, dateTime, OptionList, MemberList,
// SequenceList).
import { parseMeasurandList } from '../meter';

export type Mutability = 'ReadOnly' | 'ReadWrite' | 'WriteOnly';
export type DataType = 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';

export interface ComponentRef {
  name: string;
  instance?: string;
  evse?: { id: number; connectorId?: number };
}

export interface VariableRef {
  name: string;
  instance?: string;
}

export interface VariableDefinition {
  component: ComponentRef;
  variable: VariableRef;
  mutability: Mutability;
  dataType: DataType;
  value: string;
  unit?: string;
  minLimit?: number;
  maxLimit?: number;
  /** Allowed values of list types (comma separated in reports). */
  valuesList?: readonly string[];
  /** Measurand lists are checked against what the meter supports. */
  measurands?: boolean;
  /** The value is computed when read (counts, clock). */
  live?: () => string;
  rebootRequired?: boolean;
}

export interface DeviceModelOptions {
  evses: number;
  powerW: number;
  vendor: string;
  model: string;
  id: string;
  securityProfile: number;
}

const BOOL = 'boolean' as const;
const INT = 'integer' as const;

const TX_POINTS = ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed', 'EnergyTransfer'];

/** Key for lookups: component[instance]@evse/connector.variable[instance], case-sensitive as OCPP names are. */
export function keyOf(component: ComponentRef, variable: VariableRef): string {
  const evse = component.evse === undefined ? '' : `@${component.evse.id}${component.evse.connectorId !== undefined ? `/${component.evse.connectorId}` : ''}`;
  return `${component.name}${component.instance !== undefined ? `[${component.instance}]` : ''}${evse}.${variable.name}${variable.instance !== undefined ? `[${variable.instance}]` : ''}`;
}

/** Parses `Component.Variable`, `Component.Variable[instance]`, `Component[inst].Variable` (settings, CLI). */
export function parseSettingKey(text: string): { component: ComponentRef; variable: VariableRef } | undefined {
  const m = /^([A-Za-z0-9_]+)(?:\[([^\]]+)\])?(?:@(\d+)(?:\/(\d+))?)?\.([A-Za-z0-9_]+)(?:\[([^\]]+)\])?$/.exec(text.trim());
  if (m === null) return undefined;
  const component: ComponentRef = { name: m[1]! };
  if (m[2] !== undefined) component.instance = m[2];
  if (m[3] !== undefined) component.evse = { id: Number(m[3]), ...(m[4] !== undefined ? { connectorId: Number(m[4]) } : {}) };
  const variable: VariableRef = { name: m[5]! };
  if (m[6] !== undefined) variable.instance = m[6];
  return { component, variable };
}

export function standardVariables(o: DeviceModelOptions): VariableDefinition[] {
  const v = (component: string | ComponentRef, variable: string | VariableRef, mutability: Mutability, dataType: DataType, value: string, extra: Partial<VariableDefinition> = {}): VariableDefinition => ({
    component: typeof component === 'string' ? { name: component } : component,
    variable: typeof variable === 'string' ? { name: variable } : variable,
    mutability,
    dataType,
    value,
    ...extra,
  });
  const ro = 'ReadOnly' as const;
  const rw = 'ReadWrite' as const;
  const list: VariableDefinition[] = [
    v('AlignedDataCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('AlignedDataCtrlr', 'Available', ro, BOOL, 'true'),
    v('AlignedDataCtrlr', 'Interval', rw, INT, '0', { unit: 's', minLimit: 0 }),
    v('AlignedDataCtrlr', 'Measurands', rw, 'MemberList', 'Energy.Active.Import.Register', { measurands: true }),
    v('AlignedDataCtrlr', 'SendDuringIdle', rw, BOOL, 'false'),
    v('AlignedDataCtrlr', 'TxEndedInterval', rw, INT, '0', { unit: 's', minLimit: 0 }),
    v('AlignedDataCtrlr', 'TxEndedMeasurands', rw, 'MemberList', '', { measurands: true }),
    v('AuthCacheCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('AuthCacheCtrlr', 'Available', ro, BOOL, 'true'),
    v('AuthCacheCtrlr', 'LifeTime', rw, INT, '86400', { unit: 's', minLimit: 0 }),
    v('AuthCacheCtrlr', 'Policy', rw, 'OptionList', 'LRU', { valuesList: ['LRU', 'LFU'] }),
    v('AuthCacheCtrlr', 'DisablePostAuthorize', rw, BOOL, 'false'),
    v('AuthCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('AuthCtrlr', 'AuthorizeRemoteStart', rw, BOOL, 'false'),
    v('AuthCtrlr', 'LocalAuthorizeOffline', rw, BOOL, 'true'),
    v('AuthCtrlr', 'LocalPreAuthorize', rw, BOOL, 'false'),
    v('AuthCtrlr', 'OfflineTxForUnknownIdEnabled', rw, BOOL, 'false'),
    v('AuthCtrlr', 'DisableRemoteAuthorization', rw, BOOL, 'false'),
    v('ChargingStation', 'AvailabilityState', ro, 'OptionList', 'Available', { valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }),
    v('ChargingStation', 'Available', ro, BOOL, 'true'),
    v('ChargingStation', 'Problem', ro, BOOL, 'false'),
    v('ChargingStation', 'SupplyPhases', ro, INT, '3'),
    v('ChargingStation', 'Model', ro, 'string', o.model),
    v('ChargingStation', 'VendorName', ro, 'string', o.vendor),
    v('ClockCtrlr', 'DateTime', ro, 'dateTime', ''),
    v('ClockCtrlr', 'TimeSource', rw, 'SequenceList', 'Heartbeat', { valuesList: ['Heartbeat', 'NTP', 'GPS', 'RealTimeClock', 'MobileNetwork', 'RadioTimeTransmitter'] }),
    v('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' }, ro, INT, '20'),
    v('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetVariables' }, ro, INT, '50'),
    v('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'SetVariables' }, ro, INT, '50'),
    v('DeviceDataCtrlr', { name: 'BytesPerMessage', instance: 'GetReport' }, ro, INT, '65000'),
    v('DeviceDataCtrlr', { name: 'BytesPerMessage', instance: 'GetVariables' }, ro, INT, '65000'),
    v('DeviceDataCtrlr', { name: 'BytesPerMessage', instance: 'SetVariables' }, ro, INT, '65000'),
    v('DisplayMessageCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('DisplayMessageCtrlr', 'Available', ro, BOOL, 'true'),
    v('DisplayMessageCtrlr', 'DisplayMessages', ro, INT, '0', { maxLimit: 10 }),
    v('DisplayMessageCtrlr', 'SupportedFormats', ro, 'MemberList', 'ASCII,UTF8,HTML,URI', { valuesList: ['ASCII', 'HTML', 'URI', 'UTF8'] }),
    v('DisplayMessageCtrlr', 'SupportedPriorities', ro, 'MemberList', 'AlwaysFront,InFront,NormalCycle', { valuesList: ['AlwaysFront', 'InFront', 'NormalCycle'] }),
    v('LocalAuthListCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('LocalAuthListCtrlr', 'Available', ro, BOOL, 'true'),
    v('LocalAuthListCtrlr', 'Entries', ro, INT, '0', { maxLimit: 100 }),
    v('LocalAuthListCtrlr', 'ItemsPerMessage', ro, INT, '50'),
    v('LocalAuthListCtrlr', 'BytesPerMessage', ro, INT, '65000'),
    v('MonitoringCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('MonitoringCtrlr', 'Available', ro, BOOL, 'true'),
    v('MonitoringCtrlr', { name: 'ItemsPerMessage', instance: 'SetVariableMonitoring' }, ro, INT, '20'),
    v('MonitoringCtrlr', { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' }, ro, INT, '20'),
    v('MonitoringCtrlr', { name: 'BytesPerMessage', instance: 'SetVariableMonitoring' }, ro, INT, '65000'),
    v('OCPPCommCtrlr', 'ActiveNetworkProfile', ro, INT, '0'),
    v('OCPPCommCtrlr', 'FileTransferProtocols', ro, 'MemberList', 'HTTP,HTTPS,FTP,FTPS,SFTP', { valuesList: ['FTP', 'FTPS', 'HTTP', 'HTTPS', 'SFTP'] }),
    v('OCPPCommCtrlr', 'HeartbeatInterval', rw, INT, '300', { unit: 's', minLimit: 0 }),
    v('OCPPCommCtrlr', { name: 'MessageTimeout', instance: 'Default' }, rw, INT, '30', { unit: 's', minLimit: 1 }),
    v('OCPPCommCtrlr', { name: 'MessageAttempts', instance: 'TransactionEvent' }, rw, INT, '3', { minLimit: 0 }),
    v('OCPPCommCtrlr', { name: 'MessageAttemptInterval', instance: 'TransactionEvent' }, rw, INT, '60', { unit: 's', minLimit: 0 }),
    v('OCPPCommCtrlr', 'NetworkConfigurationPriority', rw, 'SequenceList', '0', { valuesList: ['0', '1', '2'] }),
    v('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', rw, INT, '3', { minLimit: 0 }),
    v('OCPPCommCtrlr', 'OfflineThreshold', rw, INT, '300', { unit: 's', minLimit: 0 }),
    v('OCPPCommCtrlr', 'QueueAllMessages', rw, BOOL, 'false'),
    v('OCPPCommCtrlr', 'ResetRetries', rw, INT, '2', { minLimit: 0 }),
    v('OCPPCommCtrlr', 'RetryBackOffRandomRange', rw, INT, '2', { unit: 's', minLimit: 0 }),
    v('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', rw, INT, '3', { minLimit: 0 }),
    v('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', rw, INT, '5', { unit: 's', minLimit: 0 }),
    v('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', rw, BOOL, 'true'),
    v('OCPPCommCtrlr', 'WebSocketPingInterval', rw, INT, '0', { unit: 's', minLimit: 0 }),
    v('ReservationCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('ReservationCtrlr', 'Available', ro, BOOL, 'true'),
    v('ReservationCtrlr', 'NonEvseSpecific', ro, BOOL, 'true'),
    v('SampledDataCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('SampledDataCtrlr', 'Available', ro, BOOL, 'true'),
    v('SampledDataCtrlr', 'TxEndedMeasurands', rw, 'MemberList', 'Energy.Active.Import.Register', { measurands: true }),
    v('SampledDataCtrlr', 'TxEndedInterval', rw, INT, '0', { unit: 's', minLimit: 0 }),
    v('SampledDataCtrlr', 'TxStartedMeasurands', rw, 'MemberList', 'Energy.Active.Import.Register', { measurands: true }),
    v('SampledDataCtrlr', 'TxUpdatedMeasurands', rw, 'MemberList', 'Energy.Active.Import.Register', { measurands: true }),
    v('SampledDataCtrlr', 'TxUpdatedInterval', rw, INT, '60', { unit: 's', minLimit: 0 }),
    v('SecurityCtrlr', 'BasicAuthPassword', 'WriteOnly', 'string', '', { minLimit: 16, maxLimit: 40 }),
    v('SecurityCtrlr', 'Identity', ro, 'string', o.id),
    v('SecurityCtrlr', 'OrganizationName', rw, 'string', ''),
    v('SecurityCtrlr', 'CertificateEntries', ro, INT, '0'),
    v('SecurityCtrlr', 'SecurityProfile', ro, INT, String(o.securityProfile)),
    v('SecurityCtrlr', 'MaxCertificateChainSize', ro, INT, '10000'),
    v('SecurityCtrlr', 'CertSigningWaitMinimum', rw, INT, '30', { unit: 's', minLimit: 0 }),
    v('SecurityCtrlr', 'CertSigningRepeatTimes', rw, INT, '3', { minLimit: 0 }),
    v('SecurityCtrlr', 'AdditionalRootCertificateCheck', ro, BOOL, 'false'),
    v('SmartChargingCtrlr', 'Enabled', rw, BOOL, 'true'),
    v('SmartChargingCtrlr', 'Available', ro, BOOL, 'true'),
    v('SmartChargingCtrlr', { name: 'Entries', instance: 'ChargingProfiles' }, ro, INT, '0', { maxLimit: 16 }),
    v('SmartChargingCtrlr', 'LimitChangeSignificance', rw, 'decimal', '10', { unit: 'Percent', minLimit: 0, maxLimit: 100 }),
    v('SmartChargingCtrlr', 'PeriodsPerSchedule', ro, INT, '24'),
    v('SmartChargingCtrlr', 'ProfileStackLevel', ro, INT, '8'),
    v('SmartChargingCtrlr', 'RateUnit', ro, 'MemberList', 'A,W', { valuesList: ['A', 'W'] }),
    v('SmartChargingCtrlr', 'ExternalControlSignalsEnabled', rw, BOOL, 'false'),
    v('SmartChargingCtrlr', 'Phases3to1', ro, BOOL, 'false'),
    v('TariffCostCtrlr', 'Enabled', rw, BOOL, 'false'),
    v('TariffCostCtrlr', 'Available', ro, BOOL, 'true'),
    v('TariffCostCtrlr', 'Currency', rw, 'string', 'EUR'),
    v('TariffCostCtrlr', 'TariffFallbackMessage', rw, 'string', ''),
    v('TariffCostCtrlr', 'TotalCostFallbackMessage', rw, 'string', ''),
    v('TxCtrlr', 'EVConnectionTimeOut', rw, INT, '60', { unit: 's', minLimit: 0 }),
    v('TxCtrlr', 'StopTxOnEVSideDisconnect', rw, BOOL, 'true'),
    v('TxCtrlr', 'StopTxOnInvalidId', rw, BOOL, 'true'),
    v('TxCtrlr', 'MaxEnergyOnInvalidId', rw, INT, '0', { unit: 'Wh', minLimit: 0 }),
    v('TxCtrlr', 'TxBeforeAcceptedEnabled', rw, BOOL, 'false'),
    v('TxCtrlr', 'TxStartPoint', rw, 'MemberList', 'PowerPathClosed', { valuesList: TX_POINTS }),
    v('TxCtrlr', 'TxStopPoint', rw, 'MemberList', 'EVConnected,Authorized', { valuesList: TX_POINTS }),
  ];
  for (let id = 1; id <= o.evses; id++) {
    const evse = { name: 'EVSE', evse: { id } };
    const connector = { name: 'Connector', evse: { id, connectorId: 1 } };
    list.push(
      v(evse, 'AvailabilityState', ro, 'OptionList', 'Available', { valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }),
      v(evse, 'Available', ro, BOOL, 'true'),
      v(evse, 'Power', ro, 'decimal', '0', { unit: 'W', maxLimit: o.powerW }),
      v(evse, 'SupplyPhases', ro, INT, '3'),
      v(connector, 'AvailabilityState', ro, 'OptionList', 'Available', { valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }),
      v(connector, 'Available', ro, BOOL, 'true'),
      v(connector, 'ConnectorType', ro, 'string', 'cType2'),
      v(connector, 'SupplyPhases', ro, INT, '3'),
    );
  }
  return list;
}

/** Why `value` does not fit `d`, or undefined. */
export function valueProblem(d: VariableDefinition, value: string): string | undefined {
  switch (d.dataType) {
    case 'boolean':
      if (value !== 'true' && value !== 'false') return 'expects true or false';
      break;
    case 'integer':
    case 'decimal': {
      const ok = d.dataType === 'integer' ? /^-?\d+$/.test(value) : /^-?\d+(\.\d+)?$/.test(value);
      if (!ok) return `expects ${d.dataType === 'integer' ? 'an integer' : 'a number'}`;
      const n = Number(value);
      if (d.minLimit !== undefined && n < d.minLimit) return `below the minimum ${d.minLimit}`;
      if (d.maxLimit !== undefined && n > d.maxLimit) return `above the maximum ${d.maxLimit}`;
      break;
    }
    case 'string':
      if (d.minLimit !== undefined && value.length < d.minLimit) return `shorter than ${d.minLimit} characters`;
      if (d.maxLimit !== undefined && value.length > d.maxLimit) return `longer than ${d.maxLimit} characters`;
      break;
    case 'dateTime':
      if (!Number.isFinite(Date.parse(value))) return 'expects a date-time';
      break;
    case 'OptionList':
      if (d.valuesList !== undefined && !d.valuesList.includes(value)) return `expects one of ${d.valuesList.join(', ')}`;
      break;
    case 'MemberList':
    case 'SequenceList': {
      const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (d.measurands === true) {
        const { unsupported } = parseMeasurandList(value);
        if (unsupported.length > 0) return `unsupported measurand(s): ${unsupported.join(', ')}`;
      } else if (d.valuesList !== undefined) {
        const bad = items.filter((i) => !d.valuesList!.includes(i));
        if (bad.length > 0) return `unknown member(s): ${bad.join(', ')}`;
      }
      break;
    }
  }
  return undefined;
}

export type GetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
export type SetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' | 'RebootRequired';

export class DeviceModel {
  private readonly byKey = new Map<string, VariableDefinition>();
  private readonly components = new Set<string>();
  readonly all: VariableDefinition[];

  constructor(definitions: VariableDefinition[]) {
    this.all = definitions.map((d) => ({ ...d }));
    for (const d of this.all) {
      this.byKey.set(keyOf(d.component, d.variable), d);
      this.components.add(componentKey(d.component));
    }
  }

  find(component: ComponentRef, variable: VariableRef): VariableDefinition | undefined {
    return this.byKey.get(keyOf(component, variable));
  }

  /** The current value of a variable (live ones computed). */
  value(d: VariableDefinition): string {
    return d.live?.() ?? d.value;
  }

  get(component: string, variable: string, instance?: string): string {
    const d = this.find({ name: component }, { name: variable, ...(instance !== undefined ? { instance } : {}) });
    return d === undefined ? '' : this.value(d);
  }

  bool(component: string, variable: string): boolean {
    return this.get(component, variable) === 'true';
  }

  int(component: string, variable: string, fallback = 0, instance?: string): number {
    const n = Number.parseInt(this.get(component, variable, instance), 10);
    return Number.isFinite(n) ? n : fallback;
  }

  /** Sets a value without checks (the station's own updates). */
  set(component: ComponentRef, variable: VariableRef, value: string): void {
    const d = this.find(component, variable);
    if (d !== undefined) d.value = value;
  }

  /** Status and value for one GetVariableData (B06). */
  read(component: ComponentRef, variable: VariableRef, attributeType = 'Actual'): { status: GetStatus; value?: string } {
    const d = this.find(component, variable);
    if (d === undefined) return { status: this.components.has(componentKey(component)) ? 'UnknownVariable' : 'UnknownComponent' };
    if (attributeType !== 'Actual') return { status: 'NotSupportedAttributeType' };
    if (d.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: this.value(d) };
  }

  /** Checks and applies one SetVariableData (B05); returns the status and the definition changed. */
  write(component: ComponentRef, variable: VariableRef, value: string, attributeType = 'Actual'): { status: SetStatus; reason?: string; definition?: VariableDefinition } {
    const d = this.find(component, variable);
    if (d === undefined) return { status: this.components.has(componentKey(component)) ? 'UnknownVariable' : 'UnknownComponent' };
    if (attributeType !== 'Actual') return { status: 'NotSupportedAttributeType' };
    if (d.mutability === 'ReadOnly') return { status: 'Rejected', reason: 'read-only' };
    const problem = valueProblem(d, value);
    if (problem !== undefined) return { status: 'Rejected', reason: problem };
    d.value = value;
    return { status: d.rebootRequired === true ? 'RebootRequired' : 'Accepted', definition: d };
  }

  /** Whether a component exists at all. */
  hasComponent(component: ComponentRef): boolean {
    return this.components.has(componentKey(component));
  }

  /** ReportDataType for one variable (B07/B08 NotifyReport). */
  reportData(d: VariableDefinition): Record<string, unknown> {
    const component: Record<string, unknown> = { name: d.component.name };
    if (d.component.instance !== undefined) component['instance'] = d.component.instance;
    if (d.component.evse !== undefined) component['evse'] = { ...d.component.evse };
    const variable: Record<string, unknown> = { name: d.variable.name };
    if (d.variable.instance !== undefined) variable['instance'] = d.variable.instance;
    const attribute: Record<string, unknown> = { type: 'Actual', mutability: d.mutability, persistent: true, constant: false };
    if (d.mutability !== 'WriteOnly') attribute['value'] = this.value(d).slice(0, 2500);
    const characteristics: Record<string, unknown> = { dataType: d.dataType, supportsMonitoring: false };
    if (d.unit !== undefined) characteristics['unit'] = d.unit;
    if (d.minLimit !== undefined) characteristics['minLimit'] = d.minLimit;
    if (d.maxLimit !== undefined) characteristics['maxLimit'] = d.maxLimit;
    if (d.valuesList !== undefined) characteristics['valuesList'] = d.valuesList.join(',');
    return { component, variable, variableAttribute: [attribute], variableCharacteristics: characteristics };
  }
}

export function componentKey(c: ComponentRef): string {
  return `${c.name}${c.instance !== undefined ? `[${c.instance}]` : ''}${c.evse === undefined ? '' : `@${c.evse.id}${c.evse.connectorId !== undefined ? `/${c.evse.connectorId}` : ''}`}`;
}
