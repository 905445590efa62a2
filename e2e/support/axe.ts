import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 level A and AA: what universities must meet (axe-core's tags for exactly those rules). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now. */
export async function axeFindings(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_21_AA]).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

/** One line per violation: the rule, its impact, the page, and the selectors of every element. */
export function describeFindings(where: string, findings: readonly Finding[]): string {
  return findings
    .map((f) => `${where}: ${f.rule} (${f.impact}, ${f.help}) on ${f.targets.length} element(s): ${f.targets.join(' | ')}`)
    .join('\n');
}

/** Fails with every violation listed (rule, impact, page, selectors); passes on none. */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
  const findings = await axeFindings(page);
  expect(findings, describeFindings(where, findings)).toEqual([]);
}

/**
 * Waits until the page has settled: no panel still loading, every chart drawn. Contrast is
 * judged on what a reader sees, so a check before the charts and legends are there would miss them.
 */
export async function waitForSettled(page: Page): Promise<void> {
  await expect(page.locator('[data-state="loading"]')).toHaveCount(0);
  await expect(page.locator('[data-chart-state]:not([data-chart-state="finished"])')).toHaveCount(0);
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);
}
