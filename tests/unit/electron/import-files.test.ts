// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_FILES_CHANNEL } from '../../../electron/api/methods';
import { buildMenuTemplate } from '../../../electron/main/application-menu';
import { importThroughDialog } from '../../../electron/main/import-files';
import { FakeBrowserWindow, fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let dir: string;
beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'diptych-import-menu-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('File › Import…', () => {
  it('is the first item of the File menu, on Ctrl/⌘+O', () => {
    const onImport = vi.fn();
    for (const platform of ['linux', 'darwin'] as const) {
      const file = buildMenuTemplate({ platform, isDev: false, appName: 'Diptych', onAbout: vi.fn(), onImport }).find((m) => m.label === 'File')!;
      const first = (file.submenu as MenuItemConstructorOptions[])[0]!;
      expect(first).toMatchObject({ label: 'Import…', accelerator: 'CmdOrCtrl+O' });
      (first.click as () => void)();
    }
    expect(onImport).toHaveBeenCalledTimes(2);
  });

  it('reads the chosen files in the main process and sends their bytes to the window', async () => {
    await writeFile(join(dir, 'envoys.md'), '# Envoys');
    await writeFile(join(dir, 'memo.txt'), 'A memo.');
    fake.openDialogResult = { canceled: false, filePaths: [join(dir, 'envoys.md'), join(dir, 'memo.txt'), join(dir, 'gone.txt')] };
    const window = new FakeBrowserWindow();
    (window as unknown as { isDestroyed: () => boolean }).isDestroyed = () => false;
    const sent = await importThroughDialog(window as never);
    expect(sent).toBe(3);
    const [message] = window.webContents.sent;
    expect(message!.channel).toBe(IMPORT_FILES_CHANNEL);
    const files = message!.payload as Array<{ name: string; size: number; bytes: Uint8Array; error?: string }>;
    expect(files.map((f) => f.name)).toEqual(['envoys.md', 'memo.txt', 'gone.txt']);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('# Envoys');
    // A file that vanished is still reported, with why, so the window can say it was not imported.
    expect(files[2]!.error).toMatch(/ENOENT|no such file/);
  });

  it('sends nothing when the dialog is cancelled', async () => {
    const window = new FakeBrowserWindow();
    (window as unknown as { isDestroyed: () => boolean }).isDestroyed = () => false;
    expect(await importThroughDialog(window as never)).toBe(0);
    expect(window.webContents.sent).toEqual([]);
  });
});
