/**
 * What `npm test` counts from a vitest JSON report: passed, failed and skipped tests. Skipped tests carry their
 * reason in their meta (tests/skips.ts); a skip is accepted only with a reason, and in CI only where the test
 * cannot run on the CI machine either: CI has everything the tests need, so any other skip there is a lost test.
 */

export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    assertionResults: Array<{ fullName: string; status: string; meta?: { skipReason?: string; skipAcceptedInCi?: boolean } }>;
  }>;
}

export interface Skip {
  test: string;
  reason: string;
  accepted: boolean;
}

export interface SuiteTally {
  passed: number;
  /** Failed tests, and skips that were not accepted. */
  failed: number;
  skips: Skip[];
}

export function tallyReport(report: VitestJsonReport, options: { ci: boolean }): SuiteTally {
  const skips = report.testResults
    .flatMap((file) => file.assertionResults)
    .filter((test) => test.status !== 'passed' && test.status !== 'failed')
    .map((test): Skip => {
      const reason = test.meta?.skipReason;
      return {
        test: test.fullName,
        reason: reason ?? `${test.status}, with no reason given`,
        accepted: reason !== undefined && (test.meta?.skipAcceptedInCi === true || !options.ci),
      };
    });
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + skips.filter((skip) => !skip.accepted).length,
    skips,
  };
}
