/**
 * Tests that cannot run everywhere say why, so that `npm test` can print each skip and decide whether to accept it
 * (scripts/run-tests.ts): a test skipped silently would look like a test that passed.
 */
import type { TestOptions } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test is skipped where it is. */
    skipReason?: string;
    /**
     * Whether `.ci/run` accepts the skip: true where the test cannot run in that browser at all, false where only this
     * machine lacks something (CI has it, so a skip there means the test was lost).
     */
    skipAcceptedInCi?: boolean;
  }
}

/** Options for a test that runs only when `runs` holds; otherwise it is skipped for `reason`. */
export function runsOnlyIf(runs: boolean, reason: string, options: { acceptedInCi: boolean }): TestOptions {
  return { skip: !runs, meta: runs ? {} : { skipReason: reason, skipAcceptedInCi: options.acceptedInCi } };
}
