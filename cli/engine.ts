// The engine as every CLI command creates it: with the conformance plan from testcases/.
import { createEngine, type Engine, type EngineOptions } from '../engine/engine';
import { allCases } from '../testcases';

export function createCliEngine(options: EngineOptions = {}): Engine {
  return createEngine({ cases: allCases, ...options });
}
