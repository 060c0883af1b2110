// A charger's transactions as the CSMS saw them; the chosen one's meter readings as charts.
import { useState } from 'react';
import type { CsmsTransaction } from '../../../api/csms';
import { MeterChart } from '../charts/MeterChart';
import { timeOfDay } from '../traffic/format';

export function Transactions({ transactions }: { transactions: readonly CsmsTransaction[] }) {
  const [open, setOpen] = useState<string | undefined>(transactions.find((t) => t.state === 'active')?.transactionId);
  if (transactions.length === 0) return <h3>Transactions <span className="dim">— none yet</span></h3>;
  const current = transactions.find((t) => t.transactionId === open);
  return (
    <>
      <h3>Transactions</h3>
      <table className="data-table" data-testid="csms-transactions">
        <thead>
          <tr>
            <th>Id</th>
            <th>Connector</th>
            <th>Token</th>
            <th>State</th>
            <th>Started</th>
            <th>Energy</th>
            <th>Stop reason</th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((t) => (
            <tr key={t.transactionId} className={t.transactionId === open ? 'row-selected' : ''} onClick={() => setOpen(t.transactionId)}>
              <td className="mono">{t.transactionId}</td>
              <td>{t.evseId !== undefined ? `${t.evseId}/` : ''}{t.connectorId ?? ''}</td>
              <td className="mono">{t.idTag ?? ''}</td>
              <td>
                <span className={`pill pill-${t.state === 'active' ? 'ok' : 'off'}`}>{t.state}</span>
                {t.chargingState !== undefined ? ` ${t.chargingState}` : ''}
              </td>
              <td className="dim">{timeOfDay(t.started)}</td>
              <td>{energy(t)}</td>
              <td>{t.stopReason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {current !== undefined && <MeterChart samples={current.meterValues} label={`Transaction ${current.transactionId}`} />}
    </>
  );
}

function energy(t: CsmsTransaction): string {
  const start = t.meterStart;
  const now = t.meterStop ?? t.energyWh;
  if (start === undefined || now === undefined) return '';
  return `${((now - start) / 1000).toFixed(2)} kWh`;
}

