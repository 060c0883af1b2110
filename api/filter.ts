// The filter language (engine/filter): its vocabulary as data, so the UI can offer help and
// completion, and a check the UI calls as the user types. The same expressions filter the
// frame table (`frames.query`), `ocpp-bench validate --filter` and capture export.

/** One field a term can test, e.g. `action:Heartbeat` or `latency>500`. */
export interface FilterFieldInfo {
  name: string;
  /** Other spellings of the same field (`from` for `dir`). */
  aliases?: string[];
  /** How a term with this field is written, e.g. `action:NAME`. */
  syntax: string;
  description: string;
  example: string;
  /** Comparison operators the field accepts (`:`, `=`, `!=`, `<`, `<=`, `>`, `>=`, `~`). */
  comparisons: string[];
  /** The values the field takes, when they are a closed list. */
  values?: string[];
}

/** A comparison (`:`, `~`…) or a combining operator (`!`, `&`, `|`, parentheses). */
export interface FilterOperatorInfo {
  symbol: string;
  aliases?: string[];
  name: string;
  description: string;
  example: string;
}

export interface FilterHelp {
  fields: FilterFieldInfo[];
  comparisons: FilterOperatorInfo[];
  operators: FilterOperatorInfo[];
  /** Everything above as plain text (terminal help). */
  text: string;
}

/**
 * Where a filter expression is wrong: the `details` of the `bad-args` ApiError thrown for
 * it, so a front end can underline the place. `position` is a 0-based offset in the
 * expression; `length` may be 0 (a caret at the end).
 */
export interface FilterErrorDetails {
  position: number;
  length: number;
}

export interface FilterCommands {
  /** The filter language's fields and operators. */
  'filter.help': { args: Record<string, never>; result: FilterHelp };
  /** Checks an expression; rejects with `bad-args` and FilterErrorDetails when it is wrong. */
  'filter.check': { args: { expression: string }; result: { ok: true } };
}
