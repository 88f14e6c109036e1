/**
 * Playwright fixtures: each test gets its own temp data folder and its own
 * real host process; every request the page makes is recorded so tests can
 * assert that nothing leaves 127.0.0.1.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './host';

interface Fixtures {
  host: HostProcess;
  /** URLs of every request the page made. */
  requests: string[];
  /** Opens the app from the host's printed address and waits for both panes to render. */
  openApp: (page?: Page) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  host: async ({}, use) => {
    const host = await startHostProcess(await newDataDir());
    await use(host);
    if (host.child.exitCode === null && host.child.signalCode === null) await host.stop();
  },
  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await use(urls);
  },
  openApp: async ({ page, host }, use) => {
    await use(async (target = page) => {
      await target.goto(host.url);
      await expect(target.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
      await expect(target.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
      return target;
    });
  },
});

export { expect };
