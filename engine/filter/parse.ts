// Recursive-descent parser of the filter language. Precedence, tightest first:
//   !  (not)   then   &  (and; also implied between adjacent terms)   then   |  (or)
// so `a b | !c & d` reads `(a & b) | ((!c) & d)`. Grammar:
//   expr    := and ('|' and)*
//   and     := unary ('&'? unary)*
//   unary   := '!' unary | primary
//   primary := '(' expr ')' | term | word
import type { FilterNode, TermNode } from './ast';
import { filterError } from './errors';
import { fieldNamesForHelp, findField, suggestField } from './fields';
import type { Alternative } from './match';
import { isPayloadWord, parsePayloadPath, PAYLOAD_FIELD } from './payload';
import { tokenize, type Token } from './tokenize';

export function parseFilter(expression: string): FilterNode {
  const tokens = tokenize(expression);
  if (tokens.length === 0) return { type: 'all' };
  const parser = new Parser(tokens, expression.length);
  const node = parser.expression(undefined);
  parser.expectEnd();
  return node;
}

type TermToken = Extract<Token, { kind: 'term' }>;

const SYMBOL: Record<Exclude<Token['kind'], 'word' | 'term'>, string> = { lparen: '(', rparen: ')', not: '!', and: '&', or: '|' };

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
  ) {}

  expression(after: Token | undefined): FilterNode {
    const operands = [this.conjunction(after)];
    for (let t = this.peek(); t?.kind === 'or'; t = this.peek()) {
      this.at++;
      operands.push(this.conjunction(t));
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  expectEnd(): void {
    const t = this.peek();
    if (t === undefined) return;
    // Anything else would have continued the expression; only a stray ")" is left over.
    throw filterError(t.pos, t.length, 'unexpected ")": there is no "(" for it to close');
  }

  private conjunction(after: Token | undefined): FilterNode {
    const operands = [this.unary(after)];
    for (let t = this.peek(); t !== undefined; t = this.peek()) {
      if (t.kind === 'and') {
        this.at++;
        operands.push(this.unary(t));
      } else if (t.kind === 'lparen' || t.kind === 'not' || t.kind === 'word' || t.kind === 'term') {
        // Adjacent terms: an implied "&".
        operands.push(this.unary(undefined));
      } else {
        break;
      }
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private unary(after: Token | undefined): FilterNode {
    const t = this.peek();
    if (t?.kind === 'not') {
      this.at++;
      return { type: 'not', operand: this.unary(t), pos: t.pos, length: t.length };
    }
    return this.primary(after);
  }

  private primary(after: Token | undefined): FilterNode {
    const t = this.peek();
    if (t === undefined) {
      throw filterError(this.end, 0, after === undefined ? 'expected a term' : `expected a term after "${this.symbol(after)}"`);
    }
    switch (t.kind) {
      case 'lparen': {
        this.at++;
        if (this.peek()?.kind === 'rparen') throw filterError(t.pos, this.peek()!.pos + 1 - t.pos, 'empty parentheses');
        const inner = this.expression(t);
        const close = this.peek();
        if (close?.kind !== 'rparen') throw filterError(t.pos, 1, 'this "(" is never closed');
        this.at++;
        return inner;
      }
      case 'rparen':
        throw filterError(t.pos, t.length, after === undefined ? 'unexpected ")": there is no "(" for it to close' : `expected a term after "${this.symbol(after)}", not ")"`);
      case 'and':
      case 'or':
        throw filterError(
          t.pos,
          t.length,
          after === undefined ? `expected a term before "${SYMBOL[t.kind]}"` : `expected a term between "${this.symbol(after)}" and "${SYMBOL[t.kind]}"`,
        );
      case 'word':
        this.at++;
        if (!t.quoted && isPayloadWord(t.text)) return this.payloadPresence(t);
        return { type: 'text', text: t.text, pos: t.pos, length: t.length };
      case 'term':
        this.at++;
        return this.term(t);
      case 'not':
        // unary() consumes "!" before primary() is reached.
        throw filterError(t.pos, t.length, 'unexpected "!"');
    }
  }

  private term(t: TermToken): TermNode {
    const name = t.field.text;
    const payload = isPayloadWord(name) || name.toLowerCase() === PAYLOAD_FIELD;
    const field = payload ? findField(PAYLOAD_FIELD) : findField(name);
    if (field === undefined) {
      const guess = suggestField(name);
      throw filterError(
        t.field.pos,
        t.field.length,
        `unknown field "${name}"${guess !== undefined ? ` (did you mean "${guess}"?)` : ''}; fields are ${fieldNamesForHelp().join(', ')}`,
      );
    }
    if (!field.comparisons.includes(t.op)) {
      throw filterError(t.opSpan.pos, t.opSpan.length, `${field.name} does not take "${t.op}"; it takes ${field.comparisons.map((c) => `"${c}"`).join(' ')}`);
    }
    const node: TermNode = {
      type: 'term',
      field: field.name,
      fieldSpan: { pos: t.field.pos, length: t.field.length },
      op: t.op,
      opSpan: t.opSpan,
      value: t.value,
      alternatives: (t.op === ':' || t.op === '=' || t.op === '!=') && field.wholeValue !== true ? splitAlternatives(t) : [{ text: t.value.text, pos: t.value.pos, length: t.value.length }],
      pos: t.pos,
      length: t.length,
    };
    if (payload) node.path = parsePayloadPath(t.field);
    return node;
  }

  private payloadPresence(t: Extract<Token, { kind: 'word' }>): TermNode {
    const span = { pos: t.pos, length: t.length };
    return {
      type: 'term',
      field: PAYLOAD_FIELD,
      fieldSpan: span,
      alternatives: [],
      path: parsePayloadPath({ text: t.text, quoted: false, ...span }),
      ...span,
    };
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private symbol(t: Token): string {
    return t.kind === 'word' || t.kind === 'term' ? this.describe(t) : SYMBOL[t.kind];
  }

  private describe(t: Token): string {
    return t.kind === 'word' ? t.text : t.kind === 'term' ? `${t.field.text}${t.op}` : SYMBOL[t.kind];
  }
}

/** `a,b,c` → three alternatives, each with its own place; a quoted value is one alternative. */
function splitAlternatives(t: TermToken): Alternative[] {
  const v = t.value;
  if (v.quoted) return [{ text: v.text, pos: v.pos, length: v.length }];
  const out: Alternative[] = [];
  let start = 0;
  for (const part of v.text.split(',')) {
    // Point at the comma that leaves the value empty.
    if (part === '') throw filterError(v.pos + Math.min(start, v.text.length - 1), 1, `empty value in the list "${v.text}"`);
    out.push({ text: part, pos: v.pos + start, length: part.length });
    start += part.length + 1;
  }
  return out;
}
