import { describe, expect, it } from 'vitest';
import { emptyValue, kindOf, resolve } from './schema';
import { getAt, pointerOf, removeAt, setAt } from './values';

const root = {
  definitions: {
    Status: { type: 'string', enum: ['Accepted', 'Rejected'] },
    Item: { type: 'object', properties: { id: { type: 'integer', minimum: 1 }, note: { type: 'string' } }, required: ['id'] },
  },
  type: 'object',
  properties: {
    status: { $ref: '#/definitions/Status' },
    items: { type: 'array', items: { $ref: '#/definitions/Item' }, minItems: 1 },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['status', 'items'],
};

describe('schema reading', () => {
  it('follows $ref and names the control each node needs', () => {
    expect(kindOf(resolve(root, root.properties.status))).toBe('enum');
    expect(kindOf(resolve(root, root.properties.items))).toBe('array');
    expect(kindOf({ type: ['integer', 'null'] })).toBe('integer');
  });

  it('starts from the required members only, with minimum items', () => {
    expect(emptyValue(root, root)).toEqual({ status: 'Accepted', items: [{ id: 1 }] });
  });
});

describe('value edits', () => {
  it('sets, reads and removes by path without touching the original', () => {
    const value = { a: [{ b: 1 }, { b: 2 }] };
    const next = setAt(value, ['a', 1, 'b'], 3);
    expect(getAt(next, ['a', 1, 'b'])).toBe(3);
    expect(value.a[1]!.b).toBe(2);
    expect(removeAt(next, ['a', 0])).toEqual({ a: [{ b: 3 }] });
    expect(removeAt({ x: 1, y: 2 }, ['x'])).toEqual({ y: 2 });
    expect(pointerOf(['a/b', 0])).toBe('/a~1b/0');
  });
});
