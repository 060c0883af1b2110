// How the bench answers the system under test when a case does not say otherwise: as a
// conformant CSMS (SUT = charger) or a conformant charger (SUT = CSMS) would, using the
// values of the SUT settings ("<Configured Valid IdTag>" is Accepted, and so on).
import type { OcppVersion } from '../../api/model';
import type { CallAnswer, IncomingCall } from '../rpc/endpoint';
import { payloadTemplate } from '../ocpp/templates';
import { Configuration16, defaultValues } from '../charger/v16/config';
import type { Profile16 } from '../ocpp/catalog';
import type { SutSettings } from './settings';

/** Per-run memory the default answers keep (transaction ids handed out, local list version…). */
export interface ToolMemory {
  nextTransactionId: number;
  /**
   * Transactions started and not yet stopped: transactionId → connectorId and idTag. With the
   * CSMS under test: the tool charger's own (recordToolTransaction), ended after each case.
   */
  openTransactions: Map<number, { connectorId: number; idTag: string; meterStart?: number }>;
  localListVersion: number;
  /** The tool charger's configuration keys (SUT = CSMS). */
  configuration: Map<string, { value: string; readonly: boolean }>;
  /** Which connection (Link.connections) of the charger under test has booted. */
  bootedConnection?: number;
}

/**
 * The profiles whose standard keys the tool charger has (OCPP 1.6 §9.1–9.4): what OCTT
 * TC_019_1_CSMS expects a charger to report. The security keys are left to the cases that
 * need them.
 */
const TOOL_PROFILES: readonly Profile16[] = ['Core', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'FirmwareManagement', 'RemoteTrigger'];

/** The tool charger's key definitions: which keys exist and which values they take. */
const TOOL_KEYS = new Configuration16(TOOL_PROFILES, defaultValues(1, TOOL_PROFILES, 0));

export function newToolMemory(): ToolMemory {
  const configuration = new Map<string, { value: string; readonly: boolean }>();
  for (const entry of TOOL_KEYS.entries()) configuration.set(entry.key, { value: entry.value ?? '', readonly: entry.readonly });
  return {
    nextTransactionId: 1001,
    openTransactions: new Map(),
    localListVersion: 0,
    configuration,
  };
}

/**
 * The tool charger keeps its own transactions (CSMS under test): a StartTransaction the CSMS
 * answered opens one — whatever the idTag status, it runs until the charger stops it
 * (OCPP 1.6 §4.8, §4.10) — and a StopTransaction ends it.
 */
export function recordToolTransaction(memory: ToolMemory, action: string, request: Record<string, unknown>, answer: Record<string, unknown>): void {
  if (action === 'StartTransaction' && typeof answer['transactionId'] === 'number') {
    memory.openTransactions.set(answer['transactionId'], { connectorId: Number(request['connectorId']), idTag: String(request['idTag']), meterStart: Number(request['meterStart'] ?? 0) });
  }
  if (action === 'StopTransaction') memory.openTransactions.delete(Number(request['transactionId']));
}

export type IdTagStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

export function idTagStatus(settings: SutSettings, idTag: unknown): IdTagStatus {
  const tags = settings.idTags;
  if (idTag === tags.valid || idTag === tags.valid2 || idTag === tags.parent) return 'Accepted';
  if (idTag === tags.blocked) return 'Blocked';
  if (idTag === tags.expired) return 'Expired';
  return 'Invalid';
}

function idTagInfo(settings: SutSettings, idTag: unknown): Record<string, unknown> {
  const status = idTagStatus(settings, idTag);
  const info: Record<string, unknown> = { status };
  if (status === 'Accepted' && (idTag === settings.idTags.valid || idTag === settings.idTags.valid2)) info['parentIdTag'] = settings.idTags.parent;
  return info;
}

/** The bench as a conformant 1.6 Central System. */
function csmsAnswer16(call: IncomingCall, settings: SutSettings, memory: ToolMemory): CallAnswer | undefined {
  const p = call.payload;
  const now = new Date().toISOString();
  switch (call.action) {
    case 'BootNotification':
      return { result: { status: 'Accepted', currentTime: now, interval: settings.heartbeatInterval } };
    case 'Heartbeat':
      return { result: { currentTime: now } };
    case 'Authorize':
      return { result: { idTagInfo: idTagInfo(settings, p['idTag']) } };
    case 'StartTransaction': {
      const transactionId = memory.nextTransactionId++;
      const info = idTagInfo(settings, p['idTag']);
      if (info['status'] === 'Accepted') memory.openTransactions.set(transactionId, { connectorId: Number(p['connectorId']), idTag: String(p['idTag']) });
      return { result: { transactionId, idTagInfo: info } };
    }
    case 'StopTransaction':
      memory.openTransactions.delete(Number(p['transactionId']));
      return { result: p['idTag'] !== undefined ? { idTagInfo: idTagInfo(settings, p['idTag']) } : {} };
    case 'DataTransfer':
      return { result: { status: 'Accepted' } };
    case 'SignCertificate':
      return { result: { status: 'Accepted' } };
    default:
      return undefined;
  }
}

/** The bench as a conformant 1.6 charge point, answering the CSMS under test. */
function chargerAnswer16(call: IncomingCall, settings: SutSettings, memory: ToolMemory): CallAnswer | undefined {
  const p = call.payload;
  switch (call.action) {
    case 'GetConfiguration': {
      // An empty key list asks for every key, as no list does (OCPP 1.6 §5.8).
      const keys = Array.isArray(p['key']) && p['key'].length > 0 ? (p['key'] as string[]) : undefined;
      // The tool charger has the connectors the settings give it (reusable state Booted).
      const known = [...memory.configuration.entries()].map(([k, v]): [string, { value: string; readonly: boolean }] =>
        k === 'NumberOfConnectors' ? [k, { ...v, value: String(settings.connectors) }] : [k, v],
      );
      const selected = keys === undefined ? known : known.filter(([k]) => keys.includes(k));
      const unknownKey = keys === undefined ? [] : keys.filter((k) => !memory.configuration.has(k));
      return {
        result: {
          configurationKey: selected.map(([key, v]) => ({ key, readonly: v.readonly, value: v.value })),
          ...(unknownKey.length > 0 ? { unknownKey } : {}),
        },
      };
    }
    case 'ChangeConfiguration': {
      const key = String(p['key']);
      const entry = memory.configuration.get(key);
      if (entry === undefined) return { result: { status: 'NotSupported' } };
      if (entry.readonly) return { result: { status: 'Rejected' } };
      // A value the key cannot take is Rejected (OCPP 1.6 §5.3; OCTT TC_040_2: MeterValueSampleInterval -1).
      if (TOOL_KEYS.has(key) && TOOL_KEYS.check(key, String(p['value'])).status !== 'Accepted') return { result: { status: 'Rejected' } };
      entry.value = String(p['value']);
      return { result: { status: 'Accepted' } };
    }
    case 'UnlockConnector': {
      // A connector the charger does not have: NotSupported (OCTT TC_031).
      const connectorId = Number(p['connectorId']);
      return { result: { status: connectorId >= 1 && connectorId <= settings.connectors ? 'Unlocked' : 'NotSupported' } };
    }
    case 'RemoteStopTransaction':
      // Only a transaction the charger runs can be stopped (OCPP 1.6 §5.12; OCTT TC_028).
      return { result: { status: memory.openTransactions.has(Number(p['transactionId'])) ? 'Accepted' : 'Rejected' } };
    case 'GetLocalListVersion':
      return { result: { listVersion: memory.localListVersion } };
    case 'SendLocalList':
      memory.localListVersion = Number(p['listVersion']);
      return { result: { status: 'Accepted' } };
    case 'GetDiagnostics':
      return { result: { fileName: 'diagnostics.log' } };
    case 'GetLog':
      return { result: { status: 'Accepted', filename: 'security.log' } };
    case 'GetInstalledCertificateIds':
      return { result: { status: 'NotFound' } };
    case 'GetCompositeSchedule':
      return { result: { status: 'Rejected' } };
    default:
      return undefined;
  }
}

/**
 * The default answer of the bench to a CALL from the system under test. Falls back to the
 * schema's minimal valid response (whose first enum value is usually "Accepted").
 */
export function defaultToolAnswer(
  benchSide: 'csms' | 'charger',
  version: OcppVersion,
  call: IncomingCall,
  settings: SutSettings,
  memory: ToolMemory,
): CallAnswer {
  const specific =
    version === '1.6' ? (benchSide === 'csms' ? csmsAnswer16(call, settings, memory) : chargerAnswer16(call, settings, memory)) : undefined;
  if (specific !== undefined) return specific;
  const template = payloadTemplate(version, call.action, 'response');
  if (template === undefined) return { error: { code: 'NotSupported', description: `${call.action} has no response` } };
  return { result: template };
}
