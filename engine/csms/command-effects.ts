// What the CSMS's own commands imply beyond the state: a new Basic-auth password the
// charger took, and what the spec says about sending an action in the charger's boot state.
import type { CsmsChargerState } from '../../api/csms';
import type { OcppVersion } from '../../api/model';

/**
 * The Basic-auth password a charger accepted through a CSMS command, if any: 1.6
 * ChangeConfiguration(AuthorizationKey), 2.x SetVariables(SecurityCtrlr.BasicAuthPassword).
 * RebootRequired counts: the charger stored it and uses it when it comes back.
 */
export function newBasicAuthPassword(version: OcppVersion, action: string, request: Record<string, unknown>, response: Record<string, unknown>): string | undefined {
  const taken = (status: unknown) => status === 'Accepted' || status === 'RebootRequired';
  if (version === '1.6') {
    // The key is a CiString50Type: case-insensitive (1.6 §6.9, §7.17).
    if (action !== 'ChangeConfiguration' || String(request['key']).toLowerCase() !== 'authorizationkey' || !taken(response['status'])) return undefined;
    return String(request['value']);
  }
  if (action !== 'SetVariables') return undefined;
  const data = request['setVariableData'] as Array<{ attributeValue: string; attributeType?: string; component: { name: string }; variable: { name: string } }>;
  const results = response['setVariableResult'] as Array<{ attributeStatus: string; attributeType?: string; component: { name: string }; variable: { name: string } }>;
  const isPassword = (d: { component: { name: string }; variable: { name: string } }) => d.component.name === 'SecurityCtrlr' && d.variable.name === 'BasicAuthPassword';
  const asked = data.find(isPassword);
  const answer = results.find(isPassword);
  return asked !== undefined && answer !== undefined && taken(answer.attributeStatus) ? asked.attributeValue : undefined;
}

/** What the spec says about sending this action now (said, not enforced: the operator may test exactly that). */
export function sendNotes(state: CsmsChargerState, version: OcppVersion, action: string): string[] {
  const notes: string[] = [];
  if (state.boot.status === 'Rejected') {
    notes.push(`${state.chargePointId} is Rejected: the CSMS should not initiate messages (1.6 §4.2; 2.0.1 B03)`);
  } else if (state.boot.status === 'Pending' && ['RemoteStartTransaction', 'RemoteStopTransaction', 'RequestStartTransaction', 'RequestStopTransaction'].includes(action)) {
    notes.push(`${state.chargePointId} is Pending: ${action} is not allowed before it is Accepted (${version === '1.6' ? '1.6 §4.2' : '2.0.1 B02'})`);
  }
  return notes;
}
