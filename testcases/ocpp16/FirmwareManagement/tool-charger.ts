// The tool charger's side of the firmware and diagnostics cases with the CSMS under test:
// status notifications in sentences, and the reboot that installs a firmware.
import type { Harness } from '../../../engine/conformance/harness';
import { bootNotification, connectorIds, sendStatus } from '../../../engine/conformance/states16';

/** FirmwareStatusNotification from the tool charger; the CSMS must answer it (OCPP 1.6 §4.5). */
export async function firmwareStatus(t: Harness, status: string): Promise<void> {
  await t.send('FirmwareStatusNotification', { status }, undefined, { says: `Send FirmwareStatusNotification: ${status}` });
}

/** DiagnosticsStatusNotification from the tool charger; the CSMS must answer it (OCPP 1.6 §4.4). */
export async function diagnosticsStatus(t: Harness, status: string): Promise<void> {
  await t.send('DiagnosticsStatusNotification', { status }, undefined, { says: `Send DiagnosticsStatusNotification: ${status}` });
}

/** "The Charge Point reports the status of all connectors": connector 0 and each connector. */
export async function allConnectors(t: Harness, status: string): Promise<void> {
  for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, status);
}

/** The tool charger reboots to install the firmware: a new connection, BootNotification (Accepted), connectors Available. */
export async function rebootAfterInstall(t: Harness): Promise<void> {
  t.note('The Charge Point reboots to install the firmware: it closes its connection and connects again');
  t.disconnect();
  await t.connect();
  await bootNotification(t);
  await allConnectors(t, 'Available');
}

/** What the operator makes the Central System send: UpdateFirmware for the configured firmware, retrieved now. */
export function updateFirmwareRequest(t: Harness): { location: string; retrieveDate: string } {
  return { location: t.settings.firmwareUrl, retrieveDate: new Date().toISOString() };
}
