import type { Browser, BrowserContext } from '@playwright/test';

/** Every page a context opens reports what the Content-Security-Policy blocked (inline script, a media host…). */
async function recordCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding('__cspViolation', ({ page }, report: string) => void violations.push(`${page.url()}: ${report}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation: (text: string) => Promise<void> }).__cspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  // Also what Chromium logs, e.g. a violation in a document that navigated away before the event arrived.
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`${message.page()?.url() ?? 'console'}: ${message.text()}`);
  });
}

/**
 * Records violations in the test's own context and in every context opened meanwhile with browser.newContext()
 * (each persona's, and browser.newPage() goes through it too). Returns the function that stops watching.
 */
export async function watchCsp(context: BrowserContext, browser: Browser, violations: string[]): Promise<() => void> {
  await recordCspViolations(context, violations);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const opened = await newContext(options);
    await recordCspViolations(opened, violations);
    return opened;
  };
  return () => {
    browser.newContext = newContext;
  };
}
