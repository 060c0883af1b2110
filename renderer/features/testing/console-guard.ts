// A component test fails if React or a component logs an error or a warning it did not
// expect (STYLE item 10): act() warnings, key warnings and the like are defects.
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

export function failOnConsoleProblems(): void {
  let error: MockInstance<(...args: unknown[]) => void>;
  let warn: MockInstance<(...args: unknown[]) => void>;
  beforeEach(() => {
    error = vi.spyOn(console, 'error').mockImplementation(() => {});
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    const logged = [...error.mock.calls, ...warn.mock.calls].map((args) => args.map(String).join(' '));
    error.mockRestore();
    warn.mockRestore();
    expect(logged, 'the test logged console errors or warnings').toEqual([]);
  });
}
