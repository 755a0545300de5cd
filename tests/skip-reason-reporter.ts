// Prints why each skipped Playwright test was skipped, so a skip is never mistaken for a pass
// (the list reporter shows only a dash).
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = result.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? 'no reason given');
    console.log(`  SKIPPED ${test.titlePath().filter(Boolean).join(' › ')}: ${reasons.join('; ') || 'no reason given'}`);
  }
}
