// Tokenizer of the filter language (docs/filter-language.md). Hand-written: the language
// is small, and a hand-written scanner gives every error its exact place.
//
// A field term (`action:Heartbeat`, `latency > 500`, `payload.status!="Available"`) is
// scanned as one token, because what may follow a comparison (a value with dots, colons
// and dashes, such as an ISO time) differs from what may stand alone (a bare word).
import { filterError } from './errors';

export type Comparison = ':' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '~';

/** Spellings accepted for each comparison, longest first so `<=` wins over `<`. */
const COMPARISONS: ReadonlyArray<[string, Comparison]> = [
  ['==', '='],
  ['!=', '!='],
  ['<=', '<='],
  ['>=', '>='],
  [':', ':'],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
  ['~', '~'],
];

export interface Span {
  /** 0-based offset in the expression. */
  pos: number;
  length: number;
}

export interface ValueToken extends Span {
  text: string;
  quoted: boolean;
}

export type Token =
  | (Span & { kind: 'lparen' | 'rparen' | 'not' | 'and' | 'or' })
  /** A bare word or a quoted string standing alone. */
  | (Span & { kind: 'word'; text: string; quoted: boolean })
  | (Span & { kind: 'term'; field: ValueToken; op: Comparison; opSpan: Span; value: ValueToken });

const WHITESPACE = /\s/;
/** Characters that end a bare word. */
const WORD_STOP = new Set(['(', ')', '&', '|', '"', '!', ':', '=', '<', '>', '~']);
/** Characters that end an unquoted value (a value may hold `:`, `=`, `<`, `!`…). */
const VALUE_STOP = new Set(['(', ')', '&', '|']);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;

  const skipSpace = (at: number): number => {
    while (at < n && WHITESPACE.test(input[at]!)) at++;
    return at;
  };

  const comparisonAt = (at: number): [string, Comparison] | undefined => COMPARISONS.find(([spelling]) => input.startsWith(spelling, at));

  const quoted = (start: number): ValueToken => {
    let text = '';
    let at = start + 1;
    while (at < n) {
      const c = input[at]!;
      if (c === '"') return { text, quoted: true, pos: start, length: at + 1 - start };
      // Only \" and \\ are escapes; any other backslash stays, so regexes read as written.
      if (c === '\\' && (input[at + 1] === '"' || input[at + 1] === '\\')) {
        text += input[at + 1];
        at += 2;
        continue;
      }
      text += c;
      at++;
    }
    throw filterError(start, n - start, 'this quote is never closed');
  };

  while (true) {
    i = skipSpace(i);
    if (i >= n) break;
    const c = input[i]!;
    if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', pos: i, length: 1 });
      i++;
      continue;
    }
    if (c === '&' || c === '|') {
      // `&&` and `||` are accepted for readers used to C or Wireshark.
      const length = input[i + 1] === c ? 2 : 1;
      tokens.push({ kind: c === '&' ? 'and' : 'or', pos: i, length });
      i += length;
      continue;
    }
    if (c === '!' && input[i + 1] !== '=') {
      tokens.push({ kind: 'not', pos: i, length: 1 });
      i++;
      continue;
    }
    if (c === '"') {
      const value = quoted(i);
      tokens.push({ kind: 'word', text: value.text, quoted: true, pos: value.pos, length: value.length });
      i = value.pos + value.length;
      continue;
    }
    const leading = comparisonAt(i);
    if (leading !== undefined) {
      throw filterError(i, leading[0].length, `expected a field name before "${leading[0]}"`);
    }
    // A bare word: a field name if a comparison follows it, else free text.
    const start = i;
    while (i < n && !WHITESPACE.test(input[i]!) && !WORD_STOP.has(input[i]!)) i++;
    const word = input.slice(start, i);
    const opAt = skipSpace(i);
    const op = comparisonAt(opAt);
    if (op === undefined) {
      tokens.push({ kind: 'word', text: word, quoted: false, pos: start, length: i - start });
      continue;
    }
    const [spelling, comparison] = op;
    const opSpan: Span = { pos: opAt, length: spelling.length };
    const valueAt = skipSpace(opAt + spelling.length);
    let value: ValueToken;
    if (input[valueAt] === '"') {
      value = quoted(valueAt);
    } else {
      let end = valueAt;
      while (end < n && !WHITESPACE.test(input[end]!) && !VALUE_STOP.has(input[end]!)) end++;
      if (end === valueAt) {
        throw filterError(valueAt, valueAt < n ? 1 : 0, `expected a value after "${word}${spelling}"`);
      }
      value = { text: input.slice(valueAt, end), quoted: false, pos: valueAt, length: end - valueAt };
    }
    tokens.push({
      kind: 'term',
      field: { text: word, quoted: false, pos: start, length: i - start },
      op: comparison,
      opSpan,
      value,
      pos: start,
      length: value.pos + value.length - start,
    });
    i = value.pos + value.length;
  }
  return tokens;
}
