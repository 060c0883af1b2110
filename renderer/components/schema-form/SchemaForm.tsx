// A form generated from an action's JSON schema: one control per schema node, optional
// members added on demand, arrays grown and shrunk, each field showing the schema findings
// (by JSON Pointer) that concern it.
import { memo, type ReactNode } from 'react';
import { describe, emptyValue, itemsOf, kindOf, propertiesOf, requiredOf, resolve, type JsonSchema } from './schema';
import { pointerOf, type Path } from './values';
import './schema-form.css';

export interface SchemaFormProps {
  schema: JsonSchema;
  value: unknown;
  /** Messages by JSON Pointer (`''` for the payload itself). */
  problems: ReadonlyMap<string, readonly string[]>;
  onSet(path: Path, value: unknown): void;
  onRemove(path: Path): void;
}

export function SchemaForm({ schema, value, problems, onSet, onRemove }: SchemaFormProps) {
  return (
    <div className="schema-form" data-testid="schema-form">
      <Node root={schema} schema={schema} value={value} path={[]} problems={problems} onSet={onSet} onRemove={onRemove} />
      <Problems messages={problems.get('')} />
    </div>
  );
}

interface NodeProps {
  root: JsonSchema;
  schema: JsonSchema;
  value: unknown;
  path: Path;
  problems: ReadonlyMap<string, readonly string[]>;
  onSet(path: Path, value: unknown): void;
  onRemove(path: Path): void;
}

const Node = memo(function Node(props: NodeProps) {
  const { root, value, path, onSet } = props;
  const schema = resolve(root, props.schema);
  const id = `sf${pointerOf(path).replace(/[^\w-]/g, '_')}`;
  switch (kindOf(schema)) {
    case 'object':
      return <ObjectNode {...props} schema={schema} />;
    case 'array':
      return <ArrayNode {...props} schema={schema} />;
    case 'enum':
      return (
        <select className="input" id={id} data-pointer={pointerOf(path)} value={value === undefined ? '' : String(value)} onChange={(e) => onSet(path, e.target.value)}>
          {!(schema.enum as unknown[]).includes(value) && <option value={String(value ?? '')}>{value === undefined ? '' : `${String(value)} (not allowed)`}</option>}
          {(schema.enum as unknown[]).map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return <input type="checkbox" id={id} data-pointer={pointerOf(path)} checked={value === true} onChange={(e) => onSet(path, e.target.checked)} />;
    case 'integer':
    case 'number':
      return (
        <input
          className="input sf-number"
          id={id}
          data-pointer={pointerOf(path)}
          inputMode="decimal"
          value={value === undefined ? '' : String(value)}
          onChange={(e) => {
            const text = e.target.value.trim();
            const n = Number(text);
            onSet(path, text !== '' && Number.isFinite(n) ? n : e.target.value);
          }}
        />
      );
    case 'string':
      return (
        <span className="sf-string">
          <input
            className="input"
            id={id}
            data-pointer={pointerOf(path)}
            value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
            maxLength={typeof schema.maxLength === 'number' ? schema.maxLength * 4 : undefined}
            placeholder={schema.format === 'date-time' ? 'YYYY-MM-DDThh:mm:ssZ' : typeof schema.maxLength === 'number' ? `up to ${schema.maxLength} characters` : ''}
            spellCheck={false}
            onChange={(e) => onSet(path, e.target.value)}
          />
          {schema.format === 'date-time' && (
            <button type="button" className="sf-link" onClick={() => onSet(path, new Date().toISOString())}>
              now
            </button>
          )}
        </span>
      );
    default:
      return (
        <textarea
          className="input"
          id={id}
          data-pointer={pointerOf(path)}
          rows={2}
          defaultValue={JSON.stringify(value ?? null)}
          onBlur={(e) => {
            try {
              onSet(path, JSON.parse(e.target.value));
            } catch {
              onSet(path, e.target.value);
            }
          }}
        />
      );
  }
});

function ObjectNode(props: NodeProps) {
  const { root, schema, path, problems, onSet, onRemove } = props;
  const value = typeof props.value === 'object' && props.value !== null && !Array.isArray(props.value) ? (props.value as Record<string, unknown>) : {};
  const required = requiredOf(schema);
  const properties = propertiesOf(schema);
  const absent = properties.filter(([name]) => !(name in value));
  return (
    <div className="sf-object">
      {properties
        .filter(([name]) => name in value)
        .map(([name, child]) => (
          <Row key={name} label={name} required={required.has(name)} hint={describe(resolve(root, child))} problems={problems.get(pointerOf([...path, name]))} onRemove={required.has(name) ? undefined : () => onRemove([...path, name])}>
            <Node root={root} schema={child} value={value[name]} path={[...path, name]} problems={problems} onSet={onSet} onRemove={onRemove} />
          </Row>
        ))}
      {absent.length > 0 && (
        <div className="sf-add">
          {absent.map(([name, child]) => (
            <button key={name} type="button" className="sf-chip" title={describe(resolve(root, child)) ?? `Add ${name}`} onClick={() => onSet([...path, name], emptyValue(root, child))}>
              + {name}
              {required.has(name) ? ' *' : ''}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function ArrayNode(props: NodeProps) {
  const { root, schema, path, problems, onSet, onRemove } = props;
  const items = Array.isArray(props.value) ? props.value : [];
  const itemSchema = itemsOf(schema);
  return (
    <div className="sf-array">
      {items.map((item, i) => (
        <Row key={i} label={`[${i}]`} required={false} problems={problems.get(pointerOf([...path, i]))} onRemove={() => onRemove([...path, i])}>
          <Node root={root} schema={itemSchema} value={item} path={[...path, i]} problems={problems} onSet={onSet} onRemove={onRemove} />
        </Row>
      ))}
      <div className="sf-add">
        <button type="button" className="sf-chip" onClick={() => onSet([...path, items.length], emptyValue(root, itemSchema))}>
          + item
        </button>
        {typeof schema.maxItems === 'number' && <span className="faint"> at most {schema.maxItems}</span>}
      </div>
    </div>
  );
}

function Row({ label, required, hint, problems, onRemove, children }: { label: string; required: boolean; hint?: string | undefined; problems: readonly string[] | undefined; onRemove: (() => void) | undefined; children: ReactNode }) {
  return (
    <div className={problems !== undefined ? 'sf-row sf-row-bad' : 'sf-row'}>
      <div className="sf-label" title={hint}>
        {label}
        {required && <span className="sf-required">*</span>}
        {onRemove !== undefined && (
          <button type="button" className="sf-remove" aria-label={`Remove ${label}`} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      <div className="sf-control">
        {children}
        <Problems messages={problems} />
      </div>
    </div>
  );
}

function Problems({ messages }: { messages: readonly string[] | undefined }) {
  if (messages === undefined) return null;
  return (
    <div className="sf-problems" role="alert">
      {messages.map((m, i) => (
        <div key={i}>{m}</div>
      ))}
    </div>
  );
}
