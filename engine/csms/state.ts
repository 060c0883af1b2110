// What the CSMS knows about each charger: the state's shape, bounds and the helpers the
// update functions share (state-charger.ts for charger-initiated messages, state-commands.ts
// for answers to the CSMS's own). No I/O and no clock: every function takes the time as an
// argument and changes only the state object it is given, so whole exchanges are tested as
// plain calls (see state.test.ts).
import type {
  CsmsChargerState,
  CsmsChargerSummary,
  CsmsConnector,
  CsmsMeterValue,
  CsmsTransaction,
  CsmsVariable,
} from '../../api/csms';
import type { OcppVersion } from '../../api/model';

/** Bounds that keep a charger running for weeks from growing without limit. */
export const LIMITS = {
  meterValuesPerTransaction: 2000,
  transactions: 500,
  notifications: 200,
  securityEvents: 200,
  reports: 50,
  reservations: 200,
} as const;

type Payload = Record<string, unknown>;

export function newChargerState(chargePointId: string): CsmsChargerState {
  return {
    chargePointId,
    connection: { connected: false, connects: 0 },
    boot: { status: 'None', attempts: 0 },
    connectors: [],
    transactions: [],
    configuration: {},
    unknownConfigurationKeys: [],
    variables: {},
    reports: [],
    reservations: [],
    chargingProfiles: [],
    securityEvents: [],
    notifications: [],
    stats: { received: {}, sent: {}, findings: { error: 0, warning: 0, info: 0 }, rules: {} },
  };
}

/**
 * A charger came back speaking another version: what it reported in the old one no longer
 * describes it. Statistics and the connection record stay.
 */
export function resetForVersion(state: CsmsChargerState, version: OcppVersion): void {
  if (state.version === version) return;
  const fresh = newChargerState(state.chargePointId);
  const { connection, stats } = state;
  Object.assign(state, fresh, { connection, stats, version });
}

export function summarize(state: CsmsChargerState): CsmsChargerSummary {
  const summary: CsmsChargerSummary = {
    chargePointId: state.chargePointId,
    connected: state.connection.connected,
    bootStatus: state.boot.status,
    activeTransactions: state.transactions.filter((t) => t.state === 'active').length,
  };
  if (state.version !== undefined) summary.version = state.version;
  if (state.lastSeen !== undefined) summary.lastSeen = state.lastSeen;
  return summary;
}

export function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function countReceived(state: CsmsChargerState, action: string, now: string): void {
  count(state.stats.received, action);
  state.lastSeen = now;
}

export function countSent(state: CsmsChargerState, action: string): void {
  count(state.stats.sent, action);
}

// ---------------------------------------------------------------------------------------
// Connectors and EVSEs

export function connector(state: CsmsChargerState, connectorId: number, evseId: number | undefined, now: string): CsmsConnector {
  let c = state.connectors.find((x) => x.connectorId === connectorId && x.evseId === evseId);
  if (c === undefined) {
    c = { connectorId, updated: now };
    if (evseId !== undefined) c.evseId = evseId;
    state.connectors.push(c);
    state.connectors.sort((a, b) => (a.evseId ?? 0) - (b.evseId ?? 0) || a.connectorId - b.connectorId);
  }
  return c;
}

// ---------------------------------------------------------------------------------------
// Transactions and meter values

export function transaction(state: CsmsChargerState, transactionId: string): CsmsTransaction | undefined {
  // Newest first: ids may repeat across charger reboots.
  for (let i = state.transactions.length - 1; i >= 0; i--) {
    const t = state.transactions[i]!;
    if (t.transactionId === transactionId) return t;
  }
  return undefined;
}

export function addTransaction(state: CsmsChargerState, t: CsmsTransaction): CsmsTransaction {
  state.transactions.push(t);
  if (state.transactions.length > LIMITS.transactions) {
    // Forget the oldest ended ones; running transactions always stay.
    const excess = state.transactions.length - LIMITS.transactions;
    let removed = 0;
    state.transactions = state.transactions.filter((x) => (removed < excess && x.state === 'ended' ? (removed++, false) : true));
  }
  return t;
}

const ENERGY_REGISTER = 'Energy.Active.Import.Register';

/** The energy register in Wh from one sampled value, if it is one (1.6 §3.16, 2.0.1 J). */
function energyWh(sample: Payload): number | undefined {
  const measurand = (sample['measurand'] as string | undefined) ?? ENERGY_REGISTER;
  if (measurand !== ENERGY_REGISTER || sample['phase'] !== undefined) return undefined;
  const raw = sample['value'];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) return undefined;
  // 1.6: `unit`; 2.x: `unitOfMeasure.unit` with a power-of-ten multiplier.
  const uom = sample['unitOfMeasure'] as { unit?: string; multiplier?: number } | undefined;
  const unit = (sample['unit'] as string | undefined) ?? uom?.unit ?? 'Wh';
  const scaled = value * 10 ** (uom?.multiplier ?? 0);
  return unit === 'kWh' ? scaled * 1000 : scaled;
}

export function addMeterValues(t: CsmsTransaction, values: ReadonlyArray<{ timestamp: string; sampledValue: unknown[] }>): void {
  for (const mv of values) {
    const entry: CsmsMeterValue = { timestamp: mv.timestamp, sampledValue: mv.sampledValue as Payload[] };
    t.meterValues.push(entry);
    for (const s of entry.sampledValue) {
      const wh = energyWh(s);
      if (wh !== undefined) t.energyWh = wh;
    }
  }
  const excess = t.meterValues.length - LIMITS.meterValuesPerTransaction;
  if (excess > 0) {
    t.meterValues.splice(0, excess);
    t.droppedMeterValues = (t.droppedMeterValues ?? 0) + excess;
  }
}

// ---------------------------------------------------------------------------------------
// 2.x device model

export function variableKey(component: { name: string; instance?: string; evse?: { id: number; connectorId?: number } }, variable: { name: string; instance?: string }): string {
  let key = component.name;
  if (component.instance !== undefined) key += `.${component.instance}`;
  if (component.evse !== undefined) key += `@${component.evse.id}${component.evse.connectorId !== undefined ? `.${component.evse.connectorId}` : ''}`;
  key += `/${variable.name}`;
  if (variable.instance !== undefined) key += `.${variable.instance}`;
  return key;
}

export function variableEntry(state: CsmsChargerState, component: CsmsVariable['component'], variable: CsmsVariable['variable'], now: string): CsmsVariable {
  const key = variableKey(component, variable);
  let entry = state.variables[key];
  if (entry === undefined) {
    entry = { component: stripCustom(component), variable: stripCustom(variable), attributes: {}, updated: now };
    state.variables[key] = entry;
  }
  entry.updated = now;
  return entry;
}

export function stripCustom<T extends object>(o: T): T {
  const { customData: _c, ...rest } = o as T & { customData?: unknown };
  if ('evse' in rest && typeof rest.evse === 'object' && rest.evse !== null) {
    (rest as { evse: unknown }).evse = stripCustom(rest.evse);
  }
  return rest as T;
}
