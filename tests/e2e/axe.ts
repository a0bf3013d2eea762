import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/**
 * An accessibility check of the screen a page shows now: axe-core's WCAG 2.x A and AA rules and
 * its best practices. A violation whose impact is serious or critical fails the test; the lesser
 * ones, and what axe could not decide, are attached to the report.
 */

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const FAILING = new Set(["serious", "critical"]);

/** One rule's violation, with the elements that break it (axe-core's `Result`). */
type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/**
 * Checks the page and lists each serious or critical violation as a line (rule, impact, help,
 * the element and why), without stopping the test: every screen of a flow gets its say.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations, incomplete } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const minor = violations.filter((violation) => !FAILING.has(violation.impact ?? ""));
  // What axe could not decide (text over a gradient, a symbol alone) is for a person to look at.
  if (minor.length + incomplete.length > 0) {
    const report = { minor: lines(minor), toReview: lines(incomplete) };
    await test.info().attach(`axe-${screen}.json`, {
      body: JSON.stringify(report, null, 2),
      contentType: "application/json",
    });
  }
  const serious = violations.filter((violation) => FAILING.has(violation.impact ?? ""));
  expect
    .soft(lines(serious), `serious or critical accessibility violations: ${screen}`)
    .toEqual([]);
}

/** "color-contrast (serious) Elements must meet … — .footer: Element has insufficient …" */
function lines(violations: Violation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const why = (node.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
      return `${violation.id} (${violation.impact}) ${violation.help} — ${node.target.join(" ")}: ${why}`;
    }),
  );
}
