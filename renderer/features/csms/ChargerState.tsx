// Everything the CSMS knows about one charger: connection and boot, connectors,
// transactions with their meter readings, configuration or device model, profiles.
import type { ReactNode } from 'react';
import type { CsmsChargerState } from '../../../api/csms';
import { FindingBadges } from '../../components/Badge';
import { ScheduleChart } from '../charts/ScheduleChart';
import { timeOfDay } from '../traffic/format';
import { ConfigTable } from './ConfigTable';
import { Transactions } from './Transactions';

export function ChargerState({ state }: { state: CsmsChargerState }) {
  const { connection, boot } = state;
  return (
    <div className="charger-state" data-testid="csms-charger-state">
      <section className="facts">
        <Fact label="Connection">
          {connection.connected ? 'connected' : `disconnected${connection.closeReason !== undefined ? ` (${connection.closeReason})` : ''}`}
          {connection.subprotocol !== undefined ? ` · ${connection.subprotocol}` : ''}
          {connection.securityProfile !== undefined ? ` · profile ${connection.securityProfile}` : ''}
        </Fact>
        <Fact label="Remote">{connection.remoteAddress ?? '—'}</Fact>
        <Fact label="Boot">
          {boot.status}
          {boot.attempts > 1 ? ` after ${boot.attempts} attempts` : ''}
          {boot.reason !== undefined ? ` · ${boot.reason}` : ''}
        </Fact>
        <Fact label="Station">{boot.station === undefined ? '—' : [boot.station.vendor, boot.station.model, boot.station.serialNumber, boot.station.firmwareVersion].filter(Boolean).join(' · ')}</Fact>
        <Fact label="Last heartbeat">{state.lastHeartbeat !== undefined ? timeOfDay(state.lastHeartbeat) : '—'}</Fact>
        <Fact label="Findings">
          <FindingBadges counts={state.stats.findings} />
          {state.stats.findings.error + state.stats.findings.warning + state.stats.findings.info === 0 && 'none'}
        </Fact>
        {state.firmware !== undefined && <Fact label="Firmware">{state.firmware.status}</Fact>}
        {state.diagnostics !== undefined && <Fact label="Diagnostics">{state.diagnostics.status}</Fact>}
        {state.localListVersion !== undefined && <Fact label="Local list">version {state.localListVersion}</Fact>}
      </section>

      <h3>Connectors</h3>
      {state.connectors.length === 0 ? (
        <p className="dim">No StatusNotification yet.</p>
      ) : (
        <table className="data-table" data-testid="csms-connectors">
          <thead>
            <tr>
              {state.version !== '1.6' && <th>EVSE</th>}
              <th>Connector</th>
              <th>Status</th>
              <th>Error</th>
              <th>Availability</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {state.connectors.map((c) => (
              <tr key={`${c.evseId ?? ''}/${c.connectorId}`}>
                {state.version !== '1.6' && <td>{c.evseId ?? ''}</td>}
                <td>{c.connectorId}</td>
                <td>
                  <span className={`pill pill-${statusTone(c.status)}`}>{c.status ?? '?'}</span>
                </td>
                <td>{c.errorCode !== undefined && c.errorCode !== 'NoError' ? c.errorCode : ''}</td>
                <td>{c.availability ?? ''}</td>
                <td className="dim">{timeOfDay(c.updated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Transactions transactions={state.transactions} />

      {state.chargingProfiles.length > 0 && (
        <>
          <h3>Charging profiles</h3>
          {state.chargingProfiles.map((p) => (
            <div key={`${p.target}/${p.chargingProfileId}`} className="profile">
              <div className="dim">
                Profile {p.chargingProfileId} · {p.purpose} · stack level {p.stackLevel} · {p.target === 0 ? 'whole charger' : `target ${p.target}`}
              </div>
              <ScheduleChart profile={p.profile} label={`Charging profile ${p.chargingProfileId}`} />
            </div>
          ))}
        </>
      )}

      <ConfigTable state={state} />

      {state.reservations.length > 0 && (
        <>
          <h3>Reservations</h3>
          <ul className="plain-list">
            {state.reservations.map((r) => (
              <li key={r.reservationId}>
                #{r.reservationId} for {r.idTag} on {r.connectorId ?? r.evseId ?? '?'} until {r.expiryDate} — {r.status}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function statusTone(status: string | undefined): string {
  switch (status) {
    case 'Available':
      return 'ok';
    case 'Charging':
    case 'Occupied':
    case 'Preparing':
    case 'SuspendedEV':
    case 'SuspendedEVSE':
    case 'Finishing':
      return 'busy';
    case 'Faulted':
      return 'bad';
    default:
      return 'off';
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <div className="fact-label">{label}</div>
      <div className="fact-value">{children}</div>
    </div>
  );
}
