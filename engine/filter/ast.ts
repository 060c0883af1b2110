// The syntax tree of a filter expression. Every leaf keeps its place in the expression, so
// errors found while compiling (a bad number, a bad regular expression) point at it too.
import type { Alternative } from './match';
import type { PathSegment } from './payload';
import type { Comparison, Span, ValueToken } from './tokenize';

export type FilterNode = AllNode | NotNode | AndNode | OrNode | TermNode | TextNode;

/** The empty expression: matches every frame. */
export interface AllNode {
  type: 'all';
}

export interface NotNode extends Span {
  type: 'not';
  operand: FilterNode;
}

export interface AndNode {
  type: 'and';
  operands: FilterNode[];
}

export interface OrNode {
  type: 'or';
  operands: FilterNode[];
}

/** `field op value`, or a payload path alone (`payload.idTag`: present). */
export interface TermNode extends Span {
  type: 'term';
  /** The field's canonical name (`dir` for `from:`); `payload` for payload paths. */
  field: string;
  fieldSpan: Span;
  /** Undefined only for a payload path standing alone. */
  op?: Comparison;
  opSpan?: Span;
  value?: ValueToken;
  /** The value split at commas (`action:Heartbeat,Authorize`) for `:`, `=` and `!=`; else the value alone. */
  alternatives: Alternative[];
  path?: PathSegment[];
}

/** A bare word or quoted text: searched in the frame's text and action. */
export interface TextNode extends Span {
  type: 'text';
  text: string;
}
