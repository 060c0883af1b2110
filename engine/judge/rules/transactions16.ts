// OCPP 1.6 transaction and connector rules: transaction ids the Central System issued,
// meterStop against meterStart, stopped transactions staying stopped, the connector
// status state table (§4.9), and where a transaction may start.
import { int, status, str } from '../behaviour/read';
import type { Observation, RuleModule } from '../behaviour/types';
import { V16, defineRule, fromCharger } from './define';

export const TRANSACTION_ID_UNKNOWN = defineRule({
  id: 'state.transaction-id-unknown',
  severity: 'warning',
  group: 'state',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.7, §4.8, §4.10' },
  explanation: 'MeterValues and StopTransaction refer to a transactionId the Central System issued in a StartTransaction.conf; reported once per id (a transaction begun in an earlier connection is unknown to this session, hence a warning).',
});

export const TRANSACTION_ALREADY_STOPPED = defineRule({
  id: 'state.transaction-already-stopped',
  severity: 'error',
  group: 'state',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.10, §3.7' },
  explanation: 'Once a StopTransaction was acknowledged, no further StopTransaction or MeterValues may refer to that transaction (a retry after a failed StopTransaction is fine).',
});

export const METER_STOP_BELOW_START = defineRule({
  id: 'state.meter-stop-below-start',
  severity: 'error',
  group: 'state',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §6.49 StopTransaction.req meterStop, §6.45 StartTransaction.req meterStart' },
  explanation: 'A transaction\'s meterStop (the energy register at its end, in Wh) is never below its meterStart.',
});

export const CONNECTOR_TRANSITION = defineRule({
  id: 'state.connector-transition',
  severity: 'warning',
  group: 'state',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.9 status transition table' },
  explanation: 'A connector\'s reported status changes only along the transitions of the 1.6 state table (e.g. never Available → Finishing or Charging → Preparing); a warning because a charger may skip short-lived statuses (MinimumStatusDuration).',
});

export const CONNECTOR_ZERO_STATUS = defineRule({
  id: 'state.connector-zero-status',
  severity: 'error',
  group: 'state',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.9' },
  explanation: 'ConnectorId 0 (the charge point as a whole) only takes the statuses Available, Unavailable and Faulted.',
});

export const START_CONNECTOR_UNAVAILABLE = defineRule({
  id: 'state.start-connector-unavailable',
  severity: 'warning',
  group: 'state',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.9 status transition table, §5.13 Reserve Now' },
  explanation: 'A StartTransaction comes from a connector last reported Available or Preparing, or Reserved for the same idTag or reservation.',
});

type Status16 = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

/** OCPP 1.6 §4.9: the transitions the table allows, by the status left. */
export const TRANSITIONS_16: Readonly<Record<Status16, readonly Status16[]>> = {
  Available: ['Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Reserved', 'Unavailable', 'Faulted'],
  Preparing: ['Available', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Faulted'],
  Charging: ['Available', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Unavailable', 'Faulted'],
  SuspendedEV: ['Available', 'Charging', 'SuspendedEVSE', 'Finishing', 'Unavailable', 'Faulted'],
  SuspendedEVSE: ['Available', 'Charging', 'SuspendedEV', 'Finishing', 'Unavailable', 'Faulted'],
  Finishing: ['Available', 'Preparing', 'Unavailable', 'Faulted'],
  Reserved: ['Available', 'Preparing', 'Unavailable', 'Faulted'],
  Unavailable: ['Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Faulted'],
  Faulted: ['Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved', 'Unavailable'],
};

function isStatus16(value: string | undefined): value is Status16 {
  return value !== undefined && Object.hasOwn(TRANSITIONS_16, value);
}

interface Transaction {
  start: Observation;
  connectorId: number | undefined;
  meterStart: number | undefined;
  /** A StopTransaction for it was acknowledged. */
  stopped: boolean;
}

interface Reservation {
  reservationId: number | undefined;
  idTag: string | undefined;
}

export const transactions16Rules: RuleModule = {
  name: 'transactions (1.6)',
  rules: [TRANSACTION_ID_UNKNOWN, TRANSACTION_ALREADY_STOPPED, METER_STOP_BELOW_START, CONNECTOR_TRANSITION, CONNECTOR_ZERO_STATUS, START_CONNECTOR_UNAVAILABLE],
  actions: ['StartTransaction', 'StopTransaction', 'MeterValues', 'StatusNotification', 'ReserveNow', 'CancelReservation'],
  create(ctx) {
    const transactions = new Map<number, Transaction>();
    const reportedUnknown = new Set<number>();
    const connectors = new Map<number, { status: Status16; seq: number }>();
    const reservations = new Map<number, Reservation>();

    /** The transaction a charger message refers to, or undefined after reporting it unknown. */
    const known = (obs: Observation, transactionId: number, path: string): Transaction | undefined => {
      const tx = transactions.get(transactionId);
      if (tx === undefined && !reportedUnknown.has(transactionId)) {
        reportedUnknown.add(transactionId);
        ctx.report(TRANSACTION_ID_UNKNOWN.id, obs, `transactionId ${transactionId} was not issued by the Central System in this session`, { path });
      }
      return tx;
    };

    const startTransaction = (obs: Observation): void => {
      const p = obs.payload;
      const connectorId = int(p?.['connectorId']);
      if (connectorId === undefined) return;
      const current = connectors.get(connectorId);
      if (current === undefined || current.status === 'Available' || current.status === 'Preparing') return;
      if (current.status === 'Reserved') {
        const reservation = reservations.get(connectorId);
        const idTag = str(p?.['idTag']);
        const reservationId = int(p?.['reservationId']);
        if (reservation === undefined ? reservationId !== undefined : (idTag !== undefined && idTag === reservation.idTag) || (reservationId !== undefined && reservationId === reservation.reservationId)) return;
        ctx.report(START_CONNECTOR_UNAVAILABLE.id, obs, `StartTransaction on connector ${connectorId}, which is Reserved for ${reservation?.idTag !== undefined ? `idTag ${reservation.idTag}` : 'another reservation'}`, { path: '/idTag' });
        return;
      }
      ctx.report(START_CONNECTOR_UNAVAILABLE.id, obs, `StartTransaction on connector ${connectorId}, last reported ${current.status} (seq ${current.seq})`, { path: '/connectorId' });
    };

    const started = (obs: Observation): void => {
      const transactionId = int(obs.payload?.['transactionId']);
      const request = obs.request;
      if (transactionId === undefined || request === undefined) return;
      const p = request.payload;
      transactions.set(transactionId, { start: request, connectorId: int(p?.['connectorId']), meterStart: int(p?.['meterStart']), stopped: false });
      reportedUnknown.delete(transactionId);
      const reservationId = int(p?.['reservationId']);
      if (reservationId !== undefined) {
        for (const [connector, r] of reservations) if (r.reservationId === reservationId) reservations.delete(connector);
      }
    };

    const stopTransaction = (obs: Observation): void => {
      const transactionId = int(obs.payload?.['transactionId']);
      if (transactionId === undefined) return;
      const tx = known(obs, transactionId, '/transactionId');
      if (tx === undefined) return;
      if (tx.stopped) {
        ctx.report(TRANSACTION_ALREADY_STOPPED.id, obs, `Transaction ${transactionId} was already stopped`, { path: '/transactionId' });
        return;
      }
      const meterStop = int(obs.payload?.['meterStop']);
      if (meterStop !== undefined && tx.meterStart !== undefined && meterStop < tx.meterStart) {
        ctx.report(METER_STOP_BELOW_START.id, obs, `meterStop ${meterStop} Wh is below the transaction's meterStart ${tx.meterStart} Wh (seq ${tx.start.seq})`, { path: '/meterStop' });
      }
    };

    const stopped = (obs: Observation): void => {
      const transactionId = int(obs.request?.payload?.['transactionId']);
      const tx = transactionId === undefined ? undefined : transactions.get(transactionId);
      if (tx !== undefined) tx.stopped = true;
    };

    const meterValues = (obs: Observation): void => {
      const transactionId = int(obs.payload?.['transactionId']);
      if (transactionId === undefined) return;
      const tx = known(obs, transactionId, '/transactionId');
      if (tx?.stopped === true) {
        ctx.report(TRANSACTION_ALREADY_STOPPED.id, obs, `MeterValues for transaction ${transactionId}, which was already stopped`, { path: '/transactionId' });
      }
    };

    const statusNotification = (obs: Observation): void => {
      const connectorId = int(obs.payload?.['connectorId']);
      const next = str(obs.payload?.['status']);
      if (connectorId === undefined || !isStatus16(next)) return;
      if (connectorId === 0) {
        if (next !== 'Available' && next !== 'Unavailable' && next !== 'Faulted') {
          ctx.report(CONNECTOR_ZERO_STATUS.id, obs, `Connector 0 reported ${next}; it only takes Available, Unavailable or Faulted`, { path: '/status' });
        }
      } else {
        const previous = connectors.get(connectorId);
        if (previous !== undefined && previous.status !== next && !TRANSITIONS_16[previous.status].includes(next)) {
          ctx.report(CONNECTOR_TRANSITION.id, obs, `Connector ${connectorId} went from ${previous.status} (seq ${previous.seq}) to ${next}, which the 1.6 state table does not allow`, { path: '/status' });
        }
      }
      connectors.set(connectorId, { status: next, seq: obs.seq });
    };

    return {
      frame(obs) {
        if (obs.kind === 'CALL' && fromCharger(obs)) {
          switch (obs.action) {
            case 'StartTransaction':
              return startTransaction(obs);
            case 'StopTransaction':
              return stopTransaction(obs);
            case 'MeterValues':
              return meterValues(obs);
            case 'StatusNotification':
              return statusNotification(obs);
          }
          return;
        }
        if (obs.kind !== 'CALLRESULT' || obs.request === undefined) return;
        switch (obs.action) {
          case 'StartTransaction':
            return started(obs);
          case 'StopTransaction':
            return stopped(obs);
          case 'ReserveNow':
            if (status(obs.payload) === 'Accepted') {
              const p = obs.request.payload;
              const connectorId = int(p?.['connectorId']);
              if (connectorId !== undefined) reservations.set(connectorId, { reservationId: int(p?.['reservationId']), idTag: str(p?.['idTag']) });
            }
            return;
          case 'CancelReservation':
            if (status(obs.payload) === 'Accepted') {
              const reservationId = int(obs.request.payload?.['reservationId']);
              for (const [connector, r] of reservations) if (r.reservationId === reservationId) reservations.delete(connector);
            }
            return;
        }
      },
    };
  },
};

