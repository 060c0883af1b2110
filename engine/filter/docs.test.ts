// The examples in docs/filter-language.md are expressions the language accepts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFilter } from './compile';

const doc = readFileSync(fileURLToPath(new URL('../../docs/filter-language.md', import.meta.url)), 'utf8');

describe('docs/filter-language.md', () => {
  it('shows only examples that compile', () => {
    // The opening block: an expression, then its explanation after two or more spaces.
    const block = /```text\n([\s\S]*?)```/.exec(doc)![1]!;
    const opening = block.trim().split('\n').map((line) => line.split(/ {2,}/)[0]!);
    // The last column of the field table, and code in the prose that names a field.
    const table = [...doc.matchAll(/^\| `[^|]+\|[^|]+\| (.+) \|$/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((c) => c[1]!));
    const prose = [...doc.matchAll(/`([a-z.[\]*]+(?:!=|~|[:=<>])[^`]*)`/g)].map((m) => m[1]!);
    const examples = [...opening, ...table, ...prose];
    expect(examples.length).toBeGreaterThan(25);
    for (const example of examples) expect(() => compileFilter(example), example).not.toThrow();
  });
});
