// Reading the OCA JSON schemas (draft-04/06 style, `$ref` into `#/definitions` or `$defs`)
// just enough to build a form: what kind of control a node needs and a starting value.
export type JsonSchema = Readonly<Record<string, unknown>>;

export type SchemaKind = 'object' | 'array' | 'enum' | 'string' | 'integer' | 'number' | 'boolean' | 'any';

const MAX_REF_DEPTH = 32;

/** Follows `$ref` chains within the root document. */
export function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let node = schema;
  for (let i = 0; i < MAX_REF_DEPTH && typeof node.$ref === 'string'; i++) {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) return {};
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    node = typeof target === 'object' && target !== null ? (target as JsonSchema) : {};
  }
  return node;
}

export function kindOf(schema: JsonSchema): SchemaKind {
  if (Array.isArray(schema.enum)) return 'enum';
  const type = Array.isArray(schema.type) ? (schema.type as unknown[]).find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
    case 'array':
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return type;
    default:
      if (typeof schema.properties === 'object') return 'object';
      return 'any';
  }
}

export function propertiesOf(schema: JsonSchema): Array<[string, JsonSchema]> {
  const props = schema.properties;
  return typeof props === 'object' && props !== null ? (Object.entries(props) as Array<[string, JsonSchema]>) : [];
}

export function requiredOf(schema: JsonSchema): ReadonlySet<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

export function itemsOf(schema: JsonSchema): JsonSchema {
  const items = schema.items;
  return typeof items === 'object' && items !== null && !Array.isArray(items) ? (items as JsonSchema) : {};
}

/** A value to start from when the user adds a property or an array item: the smallest valid-looking one. */
export function emptyValue(root: JsonSchema, schema: JsonSchema, depth = 0): unknown {
  const node = resolve(root, schema);
  switch (kindOf(node)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      if (depth > 8) return value;
      const required = requiredOf(node);
      for (const [name, child] of propertiesOf(node)) if (required.has(name)) value[name] = emptyValue(root, child, depth + 1);
      return value;
    }
    case 'array': {
      const min = typeof node.minItems === 'number' ? node.minItems : 0;
      return min > 0 && depth <= 8 ? [emptyValue(root, itemsOf(node), depth + 1)] : [];
    }
    case 'enum':
      return (node.enum as unknown[])[0];
    case 'string':
      return node.format === 'date-time' ? new Date().toISOString() : '';
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? node.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** The schema's description, without the spec's trailing line breaks. */
export function describe(schema: JsonSchema): string | undefined {
  return typeof schema.description === 'string' ? schema.description.replace(/\s+$/u, '').replace(/\r\n/g, '\n') : undefined;
}
