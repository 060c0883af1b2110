// Deliberately tiny SUTs for the framework's own tests: a charger that can boot, be plugged
// in and authorize, and a CSMS that accepts boots. The real plan is proven against the
// built-in simulator and CSMS; these only exercise the harness, runner and reports.
import { connect } from '../../net/connect';
import { ChargerListener } from '../../net/listener';
import { OcppEndpoint } from '../../rpc/endpoint';
import { TableDriver } from '../drivers';
import type { ChargerSutFactory, CsmsSutFactory, SimulatedCharger, SimulatedCsms } from '../runner';

export interface MiniChargerFaults {
  /** Reports Available instead of Preparing when plugged in. */
  wrongPreparing?: boolean;
}

export function miniCharger(faults: MiniChargerFaults = {}): ChargerSutFactory & { instances: MiniCharger[] } {
  const instances: MiniCharger[] = [];
  const make: ChargerSutFactory = async ({ url, settings }) => {
    const c = await connect(`${url}/${settings.chargePointId}`, { subprotocols: ['ocpp1.6'] });
    const endpoint = new OcppEndpoint({
      ws: c.ws,
      version: '1.6',
      side: 'charger',
      onCall: (call) => (call.action === 'RemoteStartTransaction' ? { result: { status: 'Accepted' } } : { error: { code: 'NotSupported', description: 'mini charger' } }),
    });
    const charger = new MiniCharger(endpoint, settings.connectors, faults);
    instances.push(charger);
    await charger.boot();
    return charger;
  };
  return Object.assign(make, { instances });
}

export class MiniCharger implements SimulatedCharger {
  plugged = false;
  readonly operator;

  constructor(
    readonly endpoint: OcppEndpoint,
    private readonly connectors: number,
    private readonly faults: MiniChargerFaults,
  ) {
    const status = (connectorId: number, s: string) =>
      this.endpoint.call('StatusNotification', { connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
    this.operator = new TableDriver(
      {
        plugIn: async (a) => {
          this.plugged = true;
          void status(a.connectorId, this.faults.wrongPreparing === true ? 'Available' : 'Preparing');
        },
        presentIdTag: async (a) => {
          const connectorId = a.connectorId ?? 1;
          void (async () => {
            const auth = await this.endpoint.call('Authorize', { idTag: a.idTag });
            const ok = auth.kind === 'result' && (auth.payload['idTagInfo'] as { status?: string } | undefined)?.status === 'Accepted';
            if (ok && this.plugged) {
              await this.endpoint.call('StartTransaction', { connectorId, idTag: a.idTag, meterStart: 0, timestamp: new Date().toISOString() });
              await status(connectorId, 'Charging');
            }
          })().catch(() => undefined);
        },
      },
      () => 'yes',
    );
  }

  async boot(): Promise<void> {
    await this.endpoint.call('BootNotification', { chargePointVendor: 'Mini', chargePointModel: 'Mini' });
    for (let id = 0; id <= this.connectors; id++) {
      await this.endpoint.call('StatusNotification', { connectorId: id, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() });
    }
  }

  async stop(): Promise<void> {
    this.endpoint.close();
  }
}

/** A CSMS that accepts (or, faulty, rejects) every boot and answers the rest with defaults. */
export function miniCsms(options: { rejectBoot?: boolean } = {}): CsmsSutFactory {
  return async (): Promise<SimulatedCsms> => {
    const listener = new ChargerListener<null>({
      host: '127.0.0.1',
      port: 0,
      decide: () => ({ accept: true, subprotocol: 'ocpp1.6', context: null }),
      connected: (ws) => {
        new OcppEndpoint({
          ws,
          version: '1.6',
          side: 'csms',
          onCall: (call) => {
            const now = new Date().toISOString();
            if (call.action === 'BootNotification') return { result: { status: options.rejectBoot === true ? 'Rejected' : 'Accepted', currentTime: now, interval: 60 } };
            if (call.action === 'Heartbeat') return { result: { currentTime: now } };
            return { result: {} };
          },
        });
      },
    });
    const { url } = await listener.start();
    return { url, operator: new TableDriver({}), stop: () => listener.stop() };
  };
}
