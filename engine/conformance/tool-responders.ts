// How the bench answers the system under test when a case does not say otherwise: as a
// conformant CSMS (SUT = charger) or a conformant charger (SUT = CSMS) would, using the
// values of the SUT settings ("<Configured Valid IdTag>" is Accepted, and so on).
import type { OcppVersion } from '../../api/model';
import type { CallAnswer, IncomingCall } from '../rpc/endpoint';
import { payloadTemplate } from '../ocpp/templates';
import type { SutSettings } from './settings';

/** Per-run memory the default answers keep (transaction ids handed out, local list version…). */
export interface ToolMemory {
  nextTransactionId: number;
  /** Transactions started and not yet stopped: transactionId → connectorId and idTag. */
  openTransactions: Map<number, { connectorId: number; idTag: string }>;
  localListVersion: number;
  /** The tool charger's configuration keys (SUT = CSMS). */
  configuration: Map<string, { value: string; readonly: boolean }>;
  /** Which connection (Link.connections) of the charger under test has booted. */
  bootedConnection?: number;
}

export function newToolMemory(): ToolMemory {
  return {
    nextTransactionId: 1001,
    openTransactions: new Map(),
    localListVersion: 0,
    configuration: new Map([
      ['HeartbeatInterval', { value: '300', readonly: false }],
      ['AuthorizeRemoteTxRequests', { value: 'false', readonly: false }],
      ['MeterValueSampleInterval', { value: '60', readonly: false }],
      ['NumberOfConnectors', { value: '1', readonly: true }],
      ['ConnectionTimeOut', { value: '60', readonly: false }],
      ['LocalAuthorizeOffline', { value: 'true', readonly: false }],
      ['LocalPreAuthorize', { value: 'false', readonly: false }],
    ]),
  };
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
function chargerAnswer16(call: IncomingCall, _settings: SutSettings, memory: ToolMemory): CallAnswer | undefined {
  const p = call.payload;
  switch (call.action) {
    case 'GetConfiguration': {
      const keys = Array.isArray(p['key']) ? (p['key'] as string[]) : undefined;
      const known = [...memory.configuration.entries()];
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
      entry.value = String(p['value']);
      return { result: { status: 'Accepted' } };
    }
    case 'UnlockConnector':
      return { result: { status: 'Unlocked' } };
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
