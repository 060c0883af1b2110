// Placeholder seam for the filter language (engine/filter): compiles an expression into a
// predicate over stored frames. The full language replaces this module's internals; its
// signature is the seam the store, the CLI and the UI rely on.
import { ApiError } from '../../api/errors';
import type { FramePredicate } from '../traffic/store';

export function compileFrameFilter(expression: string): FramePredicate {
  // Until the language lands: a plain word matches the action name exactly.
  if (!/^[A-Za-z0-9]+$/.test(expression)) {
    throw new ApiError('bad-args', `Filter "${expression}": only a bare action name is understood yet`);
  }
  return (frame) => frame.summary.action === expression;
}
