// Minimal valid payloads derived from the OCA schemas: only required fields, each with
// the simplest value its schema allows. The CSMS, the simulator and the composer start
// from these; a test holds every template to its own schema.
import type { OcppVersion } from '../../api/model';
import { getSchema, type SchemaRole } from './schemas';

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
  maximum?: number;
  format?: string;
  default?: unknown;
  multipleOf?: number;
  definitions?: Record<string, Schema>;
}

/** A fixed instant, so templates are deterministic; callers stamp real times where it matters. */
export const TEMPLATE_TIME = '2025-01-01T00:00:00.000Z';

export function payloadTemplate(version: OcppVersion, action: string, role: SchemaRole): Record<string, unknown> | undefined {
  const schema = getSchema(version, action, role) as Schema | undefined;
  if (schema === undefined) return undefined;
  return sample(schema, schema, '') as Record<string, unknown>;
}

function resolve(root: Schema, node: Schema): Schema {
  let current = node;
  // Schemas only use local refs: "#/definitions/Name".
  for (let hops = 0; current.$ref !== undefined && hops < 16; hops++) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    if (target === undefined) throw new Error(`Unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

function sample(root: Schema, node: Schema, name: string): unknown {
  const s = resolve(root, node);
  if (s.enum !== undefined && s.enum.length > 0) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const prop = s.properties?.[key];
        out[key] = prop === undefined ? {} : sample(root, prop, key);
      }
      return out;
    }
    case 'array': {
      const count = Math.max(s.minItems ?? 0, 0);
      return Array.from({ length: count }, () => (s.items === undefined ? {} : sample(root, s.items, name)));
    }
    case 'string': {
      if (s.format === 'date-time') return TEMPLATE_TIME;
      if (s.format === 'uri') return 'https://example.com/';
      const placeholder = name === '' ? 'value' : name;
      return s.maxLength !== undefined ? placeholder.slice(0, s.maxLength) : placeholder;
    }
    case 'integer':
    case 'number': {
      if (typeof s.default === 'number') return s.default;
      if (s.minimum !== undefined) return s.minimum;
      if (s.maximum !== undefined && s.maximum < 0) return s.maximum;
      return 0;
    }
    case 'boolean':
      return typeof s.default === 'boolean' ? s.default : false;
    default:
      return {};
  }
}
