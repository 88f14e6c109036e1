import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { newDataDir, startHostProcess } from './support/host';

test('settings and layout survive a host restart on the same data folder', async ({ page, host, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('dialog').getByLabel('Dark').check();
  await page.getByRole('dialog').getByLabel('Line width').fill('52');
  await page.getByRole('dialog').getByLabel('Line width').press('Tab');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Open The Soviet Overtures of 1939 in right pane' }).click();
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Toggle library' }).click();
  // Scrolled as a reader does (the wheel), which also takes over from any re-placing still under way after the settings changed.
  await page.getByTestId('pane-scroll-right').hover();
  await page.mouse.wheel(0, 900);
  await expect(page.getByRole('spinbutton', { name: 'Position in right pane, percent' })).not.toHaveValue('0');
  const position = await page.getByRole('spinbutton', { name: 'Position in right pane, percent' }).inputValue();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  expect(await host.stop()).toBe(0);
  const again = await startHostProcess(host.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('pane-right')).toHaveAttribute('data-document-id', 'soviet-overtures-1939');
    await expect(page.getByTestId('library')).toBeHidden();
    await expect(page.getByRole('spinbutton', { name: 'Position in right pane, percent' })).toHaveValue(position);
    const top = await page.getByTestId('pane-scroll-right').evaluate((el) => el.scrollTop);
    expect(top).toBeGreaterThan(600);
  } finally {
    await again.stop();
  }
});

test('Ctrl+C stops the host with everything saved', async ({ host }) => {
  await callApi(host, 'saveSettings', { settings: { theme: 'sepia', fontSize: 20, fontFamily: 'serif', lineWidth: 60 } });
  expect(await host.stop()).toBe(0);
  expect(host.output()).toContain('everything is saved');
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'diptych.json'), 'utf8'));
  expect(saved.settings.theme).toBe('sepia');
});

test('a corrupt database is moved aside and the reader is told where it went', async ({ page }) => {
  const dataDir = await newDataDir();
  writeFileSync(join(dataDir, 'diptych.json'), '{"schemaVersion": 1, "documents": [ truncated');
  const host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toBeVisible();
    const moved = readdirSync(dataDir).find((name) => name.startsWith('diptych.json.corrupt-'));
    expect(moved).toBeDefined();
    await expect(alert).toContainText(join(dataDir, moved!));
    expect(readFileSync(join(dataDir, moved!), 'utf8')).toBe('{"schemaVersion": 1, "documents": [ truncated');
    await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    await alert.getByRole('button', { name: /dismiss/i }).click();
    await expect(alert).toBeHidden();
  } finally {
    await host.stop();
  }
});

test('a document whose file has gone shows an error in its pane while the other pane keeps working', async ({ page, host }) => {
  const added = await callApi<{ id: string }>(host, 'addTextDocument', { title: 'Fragile notes', text: 'Soon to vanish.' });
  expect(await host.stop()).toBe(0);
  const stored = readdirSync(join(host.dataDir, 'files'));
  expect(stored).toHaveLength(1);
  rmSync(join(host.dataDir, 'files', stored[0]!));
  const again = await startHostProcess(host.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption(added.id);
    await expect(page.getByTestId('pane-right')).toContainText('"Fragile notes" could not be read: its file is missing.');
    await expect(page.getByTestId('pane-right').getByRole('button', { name: /retry/i })).toBeVisible();
    expect(await page.getByTestId('pane-text-left').textContent()).toContain('Share This Article');
  } finally {
    await again.stop();
  }
});

test('no request leaves 127.0.0.1', async ({ page, openApp, requests }) => {
  await openApp();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('dialog').getByLabel('Accessible').check();
  await page.keyboard.press('Escape');
  await page.waitForLoadState('networkidle');
  expect(requests.length).toBeGreaterThan(3);
  const elsewhere = requests.filter((url) => new URL(url).hostname !== '127.0.0.1');
  expect(elsewhere).toEqual([]);
});

test('the host refuses a data folder it cannot use, with a clear message and a non-zero exit', async () => {
  const dataDir = await newDataDir();
  const blocker = join(dataDir, 'not-a-folder');
  writeFileSync(blocker, 'x');
  await expect(startHostProcess(blocker)).rejects.toThrow(/exited with 1[\s\S]*cannot use the data folder .*not-a-folder: a file of that name is in the way/);
  expect(existsSync(join(blocker, 'diptych.json'))).toBe(false);
});

test('a second host on a port that is taken stops with a clear message and a non-zero exit', async ({ host }) => {
  const port = new URL(host.url).port;
  await expect(startHostProcess(await newDataDir(), ['--port', port])).rejects.toThrow(
    new RegExp(`exited with 1[\\s\\S]*port ${port} on 127\\.0\\.0\\.1 is already in use`),
  );
  expect((await callApi<unknown[]>(host, 'listDocuments')).length).toBe(3);
});
