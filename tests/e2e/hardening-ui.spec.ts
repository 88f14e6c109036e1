/**
 * The reader's side of hardening, against the real host: restoring a
 * backup from the settings (and undoing that), and the lasting "changes not
 * saved" banner while the disk refuses a write, until the host's own
 * retries get it onto the disk.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ARTICLE, SOVIET, selectQuote, storedAnnotations } from './annotations-support';
import { callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { repoRoot, startHostProcess } from './support/host';

const shots = join(repoRoot, 'test-results', 'screenshots');

const FIRST = 'The nations could not have been more ideologically apart.';
const SECOND = 'That mutual agreement seemingly caught the British and French off-guard';

interface Backup {
  id: string;
  kind: 'automatic' | 'before-restore';
  documents: number;
  annotations: number;
}

async function seriousViolations(page: Page, scope: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function openBackups(page: Page) {
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('dialog', { name: 'Reading settings' }).getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('dialog', { name: 'Reading settings' }).getByLabel(theme === 'dark' ? 'Dark' : 'Light').check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function waitForPanes(page: Page) {
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
}

test('restore from backup: the start-up backup takes the new highlights away, and restoring the one kept before brings them back', async ({ page, host, openApp }) => {
  test.setTimeout(90_000);
  await openApp();
  const marks = page.getByTestId('pane-text-left').locator('mark.anno');
  await selectQuote(page, 'left', FIRST, ARTICLE);
  await page.keyboard.press('1');
  await selectQuote(page, 'left', SECOND, ARTICLE);
  await page.keyboard.press('3');
  await expect(marks).toHaveText([FIRST, SECOND]);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(await storedAnnotations(host)).toHaveLength(2);

  const atStart = await callApi<Backup[]>(host, 'listBackups');
  const startup = atStart.find((b) => b.kind === 'automatic')!;
  expect(startup.annotations).toBe(0);

  // The list: the start-up backup with its counts.
  let dialog = await openBackups(page);
  let rows = dialog.getByTestId('backup-row');
  await expect(rows).not.toHaveCount(0);
  const startupRow = dialog.locator(`[data-backup-id="${startup.id}"]`);
  await expect(startupRow).toHaveAttribute('data-kind', 'automatic');
  await expect(startupRow).toContainText(`Automatic · ${startup.documents} documents · 0 annotations`);
  expect(await seriousViolations(page, '.backups-dialog')).toEqual([]);

  // Restoring asks first, and says that the current library is kept.
  await startupRow.getByRole('button', { name: /^Restore the backup of/ }).click();
  await expect(dialog.getByRole('group')).toContainText('Restore the library as it was on');
  await expect(dialog.getByRole('group')).toContainText('Your current library is kept as a backup first.');
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'backups-confirm-light.png') });
  expect(await seriousViolations(page, '.backups-dialog')).toEqual([]);
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();

  // The window reloads from the restored library and says what happened.
  await expect(page.getByTestId('restored-notice')).toContainText('Your library is back as it was on');
  await waitForPanes(page);
  expect(await storedAnnotations(host)).toEqual([]);
  await expect(marks).toHaveCount(0);
  // The start-up library had the light theme: the restore brought that back too.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: join(shots, 'restored-light.png') });
  await page.getByTestId('restored-notice').getByRole('button', { name: 'Dismiss' }).click();

  const afterRestore = await callApi<Backup[]>(host, 'listBackups');
  const kept = afterRestore.find((b) => b.kind === 'before-restore')!;
  expect(kept.annotations).toBe(2);
  dialog = await openBackups(page);
  const keptRow = dialog.locator(`[data-backup-id="${kept.id}"]`);
  await expect(keptRow).toHaveAttribute('data-kind', 'before-restore');
  await expect(keptRow).toContainText(`Before a restore · ${kept.documents} documents · 2 annotations`);
  rows = dialog.getByTestId('backup-row');
  await expect(rows.first()).toHaveAttribute('data-backup-id', kept.id);
  await page.screenshot({ path: join(shots, 'backups-light.png') });

  // Escape goes back to the settings; the same list in the dark theme.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('dialog', { name: 'Reading settings' }).getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('dialog', { name: 'Reading settings' }).getByRole('button', { name: 'Restore from backup…' }).click();
  await expect(keptRow).toBeVisible();
  await page.screenshot({ path: join(shots, 'backups-dark.png') });
  expect(await seriousViolations(page, '.backups-dialog')).toEqual([]);

  // Restoring that one undoes the restore.
  await keptRow.getByRole('button', { name: /^Restore the backup of/ }).click();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByTestId('restored-notice')).toContainText('(2 annotations)');
  await waitForPanes(page);
  await expect(marks).toHaveText([FIRST, SECOND]);
  expect(await storedAnnotations(host)).toHaveLength(2);
  // The settings come back as they were too: the theme was switched to dark only after the first restore.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a write the disk refuses: a lasting banner with the log’s path, the highlight stays, and the host’s retry saves it once writing works', async ({ page, host, openApp }) => {
  test.setTimeout(120_000);
  await openApp();
  // Tests run as root, so permissions cannot make the disk refuse. A plain file where the folder of the
  // per-document annotation files should be does: writing <folder>/.<file>.tmp fails with ENOTDIR.
  const folder = join(host.dataDir, 'annotations', 'documents');
  expect(existsSync(folder)).toBe(true);
  renameSync(folder, `${folder}.aside`);
  writeFileSync(folder, 'in the way\n');

  const marks = page.getByTestId('pane-text-left').locator('mark.anno');
  await selectQuote(page, 'left', FIRST, ARTICLE);
  await page.keyboard.press('2');

  const banner = page.getByTestId('unsaved-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Changes not saved');
  await expect(banner).toContainText('something else is in the way of the file');
  await expect(banner).toContainText(join(folder, `${SOVIET}.json`));
  await expect(banner).toContainText('don’t close this window');
  await expect(banner).toContainText('1 change is waiting');
  await expect(banner).toContainText(`Details in the log: ${join(host.dataDir, 'logs', 'diptych.log')}`);
  await expect(banner.getByRole('button')).toHaveCount(0);
  await expect(marks).toHaveText([FIRST]);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'error');

  await page.evaluate(() => document.fonts.ready);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'unsaved-light.png') });
  expect(await seriousViolations(page, '.unsaved-notices')).toEqual([]);
  await useTheme(page, 'dark');
  await expect(banner).toBeVisible();
  await page.screenshot({ path: join(shots, 'unsaved-dark.png') });

  // Writing works again: the host's background retry (1 s, 2 s, 4 s … apart) writes the highlight.
  rmSync(folder);
  renameSync(`${folder}.aside`, folder);
  await expect(banner).toBeHidden({ timeout: 45_000 });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(marks).toHaveText([FIRST]);
  const onDisk = JSON.parse(readFileSync(join(folder, `${SOVIET}.json`), 'utf8')) as { annotations: { target: unknown }[] };
  expect(onDisk.annotations).toHaveLength(1);
  expect(JSON.stringify(onDisk.annotations[0]!.target)).toContain(FIRST);
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(stored[0]!['diptych:colour']).toBe('green');

  // Killed, not stopped: no chance to save at exit, so what comes back was on disk already.
  await host.kill();
  const again = await startHostProcess(host.dataDir);
  try {
    const reloaded = await storedAnnotations(again);
    expect(reloaded.map((a) => a.id)).toEqual(stored.map((a) => a.id));
    await page.goto(again.url);
    await waitForPanes(page);
    await expect(marks).toHaveText([FIRST]);
    await expect(banner).toBeHidden();
  } finally {
    await again.stop();
  }
});
