import { describe, expect, it } from 'vitest';
import { tallyReport, type VitestJsonReport } from '../../../scripts/lib/tally';

const report: VitestJsonReport = {
  numPassedTests: 3,
  numFailedTests: 1,
  testResults: [
    {
      assertionResults: [
        { fullName: 'a passes', status: 'passed' },
        { fullName: 'b fails', status: 'failed' },
        { fullName: 'c needs gold data', status: 'skipped', meta: { skipReason: 'no gold data', skipAcceptedInCi: false } },
      ],
    },
    {
      assertionResults: [
        { fullName: 'd passes', status: 'passed' },
        { fullName: 'e Chromium only', status: 'skipped', meta: { skipReason: 'no side panel in Firefox', skipAcceptedInCi: true } },
        { fullName: 'f skipped bare', status: 'skipped', meta: {} },
        { fullName: 'g todo', status: 'todo' },
        { fullName: 'h passes', status: 'passed' },
      ],
    },
  ],
};

describe('the test tally', () => {
  it('locally accepts skips with a reason and fails those without one', () => {
    const tally = tallyReport(report, { ci: false });
    expect(tally.passed).toBe(3);
    expect(tally.failed).toBe(1 + 2);
    expect(tally.skips).toEqual([
      { test: 'c needs gold data', reason: 'no gold data', accepted: true },
      { test: 'e Chromium only', reason: 'no side panel in Firefox', accepted: true },
      { test: 'f skipped bare', reason: 'skipped, with no reason given', accepted: false },
      { test: 'g todo', reason: 'todo, with no reason given', accepted: false },
    ]);
  });

  it('in CI accepts only the skips CI cannot avoid either', () => {
    const tally = tallyReport(report, { ci: true });
    expect(tally.failed).toBe(1 + 3);
    expect(tally.skips.filter((skip) => skip.accepted).map((skip) => skip.test)).toEqual(['e Chromium only']);
  });
});
