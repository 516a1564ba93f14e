import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { colorSchemes, studioPages, viewports, watchConsoleErrors } from './pages';
import { buildScene } from './scene';

// Full-page screenshots of every page of e2e/pages.ts marked `screenshot`, desktop and phone, light and dark,
// as the owner of a team who is in two teams (their personal one too: the switcher shows both). They are kept in
// reports/screenshots/ (next to the test reports CI keeps) for a person to look at; each page must also load,
// log no console error, show no loading placeholder and, on the phone, be no wider than the screen.

const outDir = path.join('reports', 'screenshots');

for (const viewport of viewports) {
  for (const colorScheme of colorSchemes) {
    test(`screenshots: ${viewport.name} ${viewport.width} px, ${colorScheme}`, async ({ owner }, testInfo) => {
      const { page } = owner;
      const scene = await buildScene(page.request, owner.email);
      const consoleErrors = watchConsoleErrors(page);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      fs.mkdirSync(outDir, { recursive: true });
      const overflowing: string[] = [];
      const stillLoading: string[] = [];
      for (const entry of studioPages.filter((candidate) => candidate.screenshot)) {
        const response = await page.goto(entry.path(scene));
        expect(response?.status(), `${entry.name} answers`).toBe(200);
        await entry.ready?.(page);
        // What the shot will show, now: a loading placeholder (marked data-placeholder) means `ready` let it through.
        const placeholders = await page.locator('[data-placeholder]').evaluateAll((found) => found.map((element) => element.getAttribute('data-placeholder')));
        if (placeholders.length > 0) stillLoading.push(`${entry.name}: ${placeholders.join(', ')}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewport.width) overflowing.push(`${entry.name}: ${width} px wide in a ${viewport.width} px window`);
        const file = path.join(outDir, `${entry.name}-${viewport.name}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        await testInfo.attach(`${entry.name}-${viewport.name}-${colorScheme}`, { path: file, contentType: 'image/png' });
      }
      expect(stillLoading, 'pages shot while still loading').toEqual([]);
      expect(overflowing, 'pages wider than the window (horizontal scrolling)').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    });
  }
}
