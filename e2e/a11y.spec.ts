import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Persona } from './fixtures';
import { colorSchemes, studioPages, viewports, watchConsoleErrors, type Visitor } from './pages';
import { buildScene, type Scene } from './scene';

// axe on every page of e2e/pages.ts, as every visitor who can open it, light and dark, desktop and phone:
// no serious or critical violation, and no console error.

type Finding = { key: string; where: string };

/** The serious and critical violations on the page now: rule, element and why, each a key for grouping. */
async function seriousViolations(page: Page, where: string): Promise<Finding[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => ({
        key: `[${violation.impact}] ${violation.id} at ${node.target.join(' ')} — ${violation.help}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`,
        where,
      })),
    );
}

/** One line per page, rule and element, listing every viewport and scheme it was seen in. */
function listFindings(findings: Finding[]): string[] {
  const grouped = new Map<string, string[]>();
  for (const { key, where } of findings) grouped.set(key, [...(grouped.get(key) ?? []), where]);
  return [...grouped].map(([key, wheres]) => `${key} — seen in ${wheres.join(', ')}`);
}

async function checkPages(page: Page, visitor: Visitor, scene: Scene): Promise<void> {
  const consoleErrors = watchConsoleErrors(page);
  const findings: Finding[] = [];
  const pages = studioPages.filter((entry) => entry.visitors.includes(visitor));
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    for (const colorScheme of colorSchemes) {
      await page.emulateMedia({ colorScheme });
      for (const entry of pages) {
        const response = await page.goto(entry.path(scene));
        expect(response?.status(), `${entry.name} answers`).toBe(entry.name === 'not-found' ? 404 : 200);
        await entry.ready?.(page);
        findings.push(...(await seriousViolations(page, `${entry.name} (${visitor}, ${viewport.name}, ${colorScheme})`)));
      }
    }
  }
  expect.soft(listFindings(findings), 'serious or critical axe violations').toEqual([]);
  expect.soft(consoleErrors, 'console errors').toEqual([]);
}

test.describe('no serious or critical accessibility violation on any page', () => {
  test.slow(); // every page × 2 viewports × 2 colour schemes

  for (const role of ['owner', 'editor', 'viewer'] as const) {
    test(`as the team's ${role}`, async ({ owner, editor, viewer }) => {
      const scene = await buildScene(owner.page.request, owner.email);
      const personas: Record<typeof role, Persona> = { owner, editor, viewer };
      await checkPages(personas[role].page, role, scene);
    });
  }

  test('signed out', async ({ owner, signedOut }) => {
    const scene = await buildScene(owner.page.request, owner.email);
    await checkPages(signedOut, 'signedOut', scene);
  });
});
