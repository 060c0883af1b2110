// Payloads the CSMS composes: schema templates with real times, and the check a payload
// passes before it is sent, with an error that names the failing path.
import type { Finding, OcppVersion } from '../../api/model';
import { judgePayload, type SchemaRole } from '../ocpp/schemas';
import { payloadTemplate, TEMPLATE_TIME } from '../ocpp/templates';

/** The action's minimal valid payload, with every date-time set to `now` instead of the fixed template instant. */
export function freshTemplate(version: OcppVersion, action: string, role: SchemaRole, now: number): Record<string, unknown> | undefined {
  const template = payloadTemplate(version, action, role);
  if (template === undefined) return undefined;
  const stamp = new Date(now).toISOString();
  return restamp(template, stamp) as Record<string, unknown>;
}

function restamp(value: unknown, stamp: string): unknown {
  if (value === TEMPLATE_TIME) return stamp;
  if (Array.isArray(value)) return value.map((v) => restamp(v, stamp));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = restamp(v, stamp);
    return out;
  }
  return value;
}

/** One line per finding: `/type: "type" must be one of Hard, Soft; got "Warm"`. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.path === undefined || f.path === '' ? '(payload)' : f.path}: ${f.message}`).join('; ');
}

export function checkPayload(version: OcppVersion, action: string, role: SchemaRole, payload: unknown): Finding[] {
  return judgePayload(version, action, role, payload);
}
