// A small CSMS written on ocpp-rpc (a third-party OCPP-J implementation, strict schema mode),
// used only by the tests as an independent system under test for the _CSMS plan: if our cases
// pass against a CSMS we did not write, they are not fitted to our own.
//
// It does what a plain backend does: accepts boots, authorizes from a tag table, hands out
// transaction ids, and sends what an operator asks. Nothing more (no local lists, no
// reservations bookkeeping, no certificates) — the cross-check reports which cases that covers.
import { TableDriver } from '../../engine/conformance/drivers';
import type { CsmsSutFactory, SimulatedCsms } from '../../engine/conformance/runner';
import { rpcServer, type RpcClient } from '../../engine/testing/ocpp-rpc';

export const ocppRpcCsms: CsmsSutFactory = async ({ settings }): Promise<SimulatedCsms> => {
  const server = rpcServer({ protocols: ['ocpp1.6'], strictMode: true, callTimeoutMs: 10_000 });
  const clients = new Map<string, RpcClient>();
  const tags = settings.idTags;
  const status = (idTag: unknown): string =>
    idTag === tags.valid || idTag === tags.valid2 || idTag === tags.parent ? 'Accepted' : idTag === tags.blocked ? 'Blocked' : idTag === tags.expired ? 'Expired' : 'Invalid';
  const info = (idTag: unknown) => ({ status: status(idTag), ...(idTag === tags.valid || idTag === tags.valid2 ? { parentIdTag: tags.parent } : {}) });
  let nextTx = 5001;
  server.on('client', (client) => {
    clients.set(client.identity, client);
    const now = () => new Date().toISOString();
    client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: now(), interval: settings.heartbeatInterval }));
    client.handle('Heartbeat', () => ({ currentTime: now() }));
    client.handle('StatusNotification', () => ({}));
    client.handle('MeterValues', () => ({}));
    client.handle('Authorize', ({ params }) => ({ idTagInfo: info(params['idTag']) }));
    client.handle('StartTransaction', ({ params }) => ({ transactionId: nextTx++, idTagInfo: info(params['idTag']) }));
    client.handle('StopTransaction', ({ params }) => (params['idTag'] !== undefined ? { idTagInfo: info(params['idTag']) } : {}));
    client.handle('DataTransfer', () => ({ status: 'UnknownVendorId' }));
    for (const action of ['FirmwareStatusNotification', 'DiagnosticsStatusNotification', 'SecurityEventNotification', 'LogStatusNotification', 'SignedFirmwareStatusNotification']) {
      client.handle(action, () => ({}));
    }
  });
  const http = await server.listen(0, '127.0.0.1');
  const url = `ws://127.0.0.1:${http.address().port}`;
  const cp = settings.chargePointId;
  const operator = new TableDriver({
    // The bench's charger answers; what ocpp-rpc makes of the answer does not matter here.
    csmsSend: (a) => {
      const client = clients.get(cp);
      if (client === undefined) throw new Error(`${cp} is not connected to the ocpp-rpc CSMS`);
      void client.call(a.action, a.payload ?? {}).catch(() => undefined);
    },
  });
  return { url, operator, stop: async () => void (await server.close({ force: true }).catch(() => undefined)) };
};
