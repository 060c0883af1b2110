// A charger's state as the CSMS reports it, for tests.
import type { CsmsChargerState } from '../../../api/csms';

export function chargerState(patch: Partial<CsmsChargerState> = {}): CsmsChargerState {
  return {
    chargePointId: 'CP-1',
    version: '1.6',
    connection: { connected: true, subprotocol: 'ocpp1.6', connects: 1, session: 'ses_1' },
    boot: { status: 'Accepted', attempts: 1, station: { vendor: 'Acme', model: 'X1' } },
    connectors: [{ connectorId: 1, status: 'Charging', errorCode: 'NoError', updated: '2026-01-01T10:00:00.000Z' }],
    transactions: [
      {
        transactionId: '7',
        connectorId: 1,
        idTag: 'TAG1',
        state: 'active',
        started: '2026-01-01T10:00:00.000Z',
        meterStart: 1000,
        energyWh: 1600,
        meterValues: [
          { timestamp: '2026-01-01T10:01:00.000Z', sampledValue: [{ value: '1300' }] },
          { timestamp: '2026-01-01T10:02:00.000Z', sampledValue: [{ value: '1600' }] },
        ],
      },
    ],
    configuration: { HeartbeatInterval: { value: '300', readonly: false, updated: '2026-01-01T10:00:00.000Z' } },
    unknownConfigurationKeys: [],
    variables: {},
    reports: [],
    reservations: [],
    chargingProfiles: [],
    securityEvents: [],
    notifications: [],
    stats: { received: {}, sent: {}, findings: { error: 0, warning: 0, info: 0 }, rules: {} },
    ...patch,
  };
}
