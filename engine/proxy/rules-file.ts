// Reads fault rules from a JSON or YAML file (YAML is a superset of JSON, so one parser
// reads both; the extension only chooses how errors are worded).
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { FaultRule } from '../../api/proxy';
import { checkRules, RuleError } from './fault-rules';

export class RulesFileError extends Error {
  override name = 'RulesFileError';
  constructor(
    readonly path: string,
    message: string,
    /** `io` when the file cannot be read, `invalid` when its content is wrong. */
    readonly kind: 'io' | 'invalid',
  ) {
    super(message);
  }
}

export async function loadRulesFile(path: string): Promise<FaultRule[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new RulesFileError(path, `Cannot read the rules file ${path}: ${(err as Error).message}`, 'io');
  }
  let value: unknown;
  try {
    value = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new RulesFileError(path, `${path} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML or JSON'}: ${(err as Error).message}`, 'invalid');
  }
  try {
    return checkRules(value, path);
  } catch (err) {
    if (err instanceof RuleError) throw new RulesFileError(path, err.message, 'invalid');
    throw err;
  }
}
