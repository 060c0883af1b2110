// A schema-valid, honest answer to a CSMS-initiated action the simulator does not implement
// (2.1's tariffs, DER control, bidirectional power, battery swap, periodic event streams):
// built from the response schema, with every `status` set to the value that says "not
// supported / rejected" where the enumeration has one.
import type { OcppVersion } from '../../../api/model';
import { getSchema } from '../../ocpp/schemas';
import { TEMPLATE_TIME } from '../../ocpp/templates';

interface Schema {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  minItems?: number;
  maxLength?: number;
  minimum?: number;
  format?: string;
  definitions?: Record<string, Schema>;
}

/** Status values in order of preference for something the simulator does not do. */
const DECLINE = ['NotSupported', 'NotImplemented', 'Rejected', 'NoTariff', 'NoProfile', 'NoFirmware', 'Unknown', 'NotFound', 'Failed'];

function resolve(root: Schema, node: Schema): Schema {
  let current = node;
  for (let i = 0; current.$ref !== undefined && i < 16; i++) current = root.definitions?.[current.$ref.replace(/^#\/definitions\//, '')] ?? {};
  return current;
}

function sample(root: Schema, node: Schema, name: string): unknown {
  const s = resolve(root, node);
  if (s.enum !== undefined && s.enum.length > 0) {
    if (name === 'status') return DECLINE.find((d) => s.enum!.includes(d)) ?? s.enum[0];
    return s.enum[0];
  }
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = s.properties?.[key] === undefined ? {} : sample(root, s.properties[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 0, 0) }, () => (s.items === undefined ? {} : sample(root, s.items, name)));
    case 'string':
      if (s.format === 'date-time') return TEMPLATE_TIME;
      return (name || 'value').slice(0, s.maxLength ?? 50);
    case 'integer':
    case 'number':
      return s.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return {};
  }
}

export function declineAnswer(version: OcppVersion, action: string): Record<string, unknown> | undefined {
  const schema = getSchema(version, action, 'response') as Schema | undefined;
  return schema === undefined ? undefined : (sample(schema, schema, '') as Record<string, unknown>);
}
