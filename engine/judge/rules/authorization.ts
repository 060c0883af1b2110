// Authorization rules: a transaction never starts for an id token the CSMS refused, and a
// 1.6 charger does not ask to authorize the very idTag that started the transaction it
// stops. OCPP 1.6 §4.1, §4.8; 2.0.1 C01 (Authorize), E (TransactionEvent idToken).
import { int, obj, str } from '../behaviour/read';
import type { Observation, RuleModule } from '../behaviour/types';
import { ALL_VERSIONS, V16, defineRule, fromCharger } from './define';

export const AUTHORIZE_BEFORE_STOP = defineRule({
  id: 'sequence.authorize-before-stop',
  severity: 'error',
  group: 'sequence',
  versions: V16,
  specRefs: { '1.6': 'OCPP 1.6 §4.1' },
  explanation: 'A charger sends Authorize to stop a transaction only for an idTag other than the one that started it; the finding is placed on the Authorize.',
});

export const TX_AFTER_REJECTED_AUTHORIZATION = defineRule({
  id: 'state.tx-after-rejected-authorization',
  severity: 'error',
  group: 'state',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §4.1, §4.8',
    '2.0.1': 'OCPP 2.0.1 C01 (Authorize), E01–E03 (Part 6 TC_C_*_CS)',
    '2.1': 'OCPP 2.1 C01, E01–E03 (as 2.0.1)',
  },
  explanation: 'After the CSMS answered Authorize for an id token with anything but Accepted, the charger does not start (or authorize) a transaction with that token, until a later Authorize accepts it.',
});

/** 1.6 idTag, or 2.x IdTokenType.idToken. */
function tokenOf(value: unknown): string | undefined {
  return str(value) ?? str(obj(value)?.['idToken']);
}

export const authorizationRules: RuleModule = {
  name: 'authorization',
  rules: [AUTHORIZE_BEFORE_STOP, TX_AFTER_REJECTED_AUTHORIZATION],
  actions: ['Authorize', 'StartTransaction', 'StopTransaction', 'TransactionEvent'],
  create(ctx) {
    const v16 = ctx.version === '1.6';
    /** Id tokens the CSMS refused, with its answer. */
    const refused = new Map<string, { answer: Observation; status: string }>();
    /** 1.6 running transactions: id → the idTag that started it, and an Authorize for that idTag since. */
    const running = new Map<number, { idTag: string; authorize?: Observation }>();

    const refusedStart = (obs: Observation, token: string | undefined, path: string): void => {
      const refusal = token === undefined ? undefined : refused.get(token);
      if (refusal === undefined) return;
      ctx.report(
        TX_AFTER_REJECTED_AUTHORIZATION.id,
        obs,
        `${obs.action} for id token ${token}, which the CSMS answered ${refusal.status} (seq ${refusal.answer.seq})`,
        { path },
      );
    };

    return {
      frame(obs) {
        const p = obs.payload;
        if (obs.kind === 'CALLRESULT' && obs.request !== undefined) {
          const request = obs.request.payload;
          if (obs.action === 'Authorize') {
            const token = tokenOf(request?.[v16 ? 'idTag' : 'idToken']);
            const status = str(obj(p?.[v16 ? 'idTagInfo' : 'idTokenInfo'])?.['status']);
            if (token === undefined || status === undefined) return;
            if (status === 'Accepted') refused.delete(token);
            else refused.set(token, { answer: obs, status });
          } else if (obs.action === 'StartTransaction') {
            const id = int(p?.['transactionId']);
            const idTag = str(request?.['idTag']);
            if (id !== undefined && idTag !== undefined) running.set(id, { idTag });
          }
          return;
        }
        if (obs.kind !== 'CALL' || !fromCharger(obs)) return;
        switch (obs.action) {
          case 'Authorize': {
            if (!v16) return;
            const idTag = str(p?.['idTag']);
            for (const tx of running.values()) if (idTag !== undefined && tx.idTag === idTag) tx.authorize ??= obs;
            return;
          }
          case 'StartTransaction':
            return refusedStart(obs, str(p?.['idTag']), '/idTag');
          case 'StopTransaction': {
            const id = int(p?.['transactionId']);
            const tx = id === undefined ? undefined : running.get(id);
            if (id === undefined || tx === undefined) return;
            running.delete(id);
            if (tx.authorize !== undefined && str(p?.['idTag']) === tx.idTag) {
              ctx.report(AUTHORIZE_BEFORE_STOP.id, tx.authorize, `Authorize for idTag ${tx.idTag}, which started transaction ${id} that it then stopped (seq ${obs.seq}): no authorization is needed for the same idTag`);
            }
            return;
          }
          case 'TransactionEvent': {
            // An event that starts or authorizes a transaction with a refused token (queued offline events excepted).
            if (p?.['offline'] === true) return;
            const reason = str(p?.['triggerReason']);
            if (reason !== 'Authorized' && str(p?.['eventType']) !== 'Started') return;
            return refusedStart(obs, tokenOf(p?.['idToken']), '/idToken/idToken');
          }
        }
      },
    };
  },
};
