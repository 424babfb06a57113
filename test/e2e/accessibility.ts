/** Accessibility checks for the browser tests: axe-core's WCAG 2.1 A and AA rules, run on a page as it is now. */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** No violation at all of axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function assertNoAccessibilityViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  assert.deepEqual(
    result.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ` +
        violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`.replace(/\s+/g, ' '))
          .join(' | '),
    ),
    [],
    `no accessibility violation on ${what}`,
  );
}
