// @vitest-environment node
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, IPC_PREFIX } from '../../../electron/api/contract';
import { startDiptych, type DiptychInstance } from '../../../electron/main/app';
import { FakeBrowserWindow, electronModule, fake, fakeEvent } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const DOCUMENTS_DIR = join(import.meta.dirname, '../../../documents');

let root: string;
let appRoot: string;
let userData: string;
const running: DiptychInstance[] = [];

/** Starts Diptych on the fake electron and remembers it for clean-up. */
async function start(argv: string[] = []): Promise<DiptychInstance | null> {
  const instance = await startDiptych({ argv });
  if (instance) running.push(instance);
  return instance;
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

beforeEach(async () => {
  fake.reset();
  root = await mkdtemp(join(tmpdir(), 'diptych-app-'));
  appRoot = join(root, 'app');
  userData = join(root, 'userData');
  await mkdir(join(appRoot, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Diptych</title>');
  await cp(DOCUMENTS_DIR, join(appRoot, 'documents'), { recursive: true });
  fake.app.appPath = appRoot;
  fake.app.paths.userData = userData;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  // Restore first: some tests replace flush, and the real one must write before the folder goes.
  vi.restoreAllMocks();
  for (const instance of running.splice(0)) await instance.service.close();
  await rm(root, { recursive: true, force: true });
});

describe('startDiptych', () => {
  it('creates one window with the secure web preferences', async () => {
    await start();
    const { options } = onlyWindow();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: join(appRoot, 'dist', 'electron', 'preload.cjs'),
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options).toMatchObject({ width: 1440, height: 900, minWidth: 900, minHeight: 600, show: false, backgroundColor: '#f7f3ea' });
  });

  it('loads the renderer from the app scheme and shows the window when it is ready', async () => {
    await start();
    const window = onlyWindow();
    expect(window.loadedUrl).toBe('app://diptych/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('registers the privileged scheme and the sandbox before ready, and serves the renderer after', async () => {
    await start();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(fake.privilegedSchemes[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(fake.privilegedSchemes[0]?.privileges).not.toHaveProperty('corsEnabled');
    const ready = fake.calls.indexOf('whenReady');
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(ready);
    expect(fake.calls.indexOf('protocol.handle:app')).toBeGreaterThan(ready);
    const response = await fake.protocolHandlers.get('app')!({ url: 'app://diptych/index.html', method: 'GET' });
    expect(response.status).toBe(200);
  });

  it('guards every web contents, including the main window', async () => {
    await start();
    const { webContents } = onlyWindow();
    const away = fakeEvent('https://evil.example/');
    webContents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    expect(webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const webview = fakeEvent();
    webContents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies permissions in the default session', async () => {
    await start();
    const session = fake.session.defaultSession;
    const callback = vi.fn();
    session.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler?.({}, 'notifications', 'app://diptych', {})).toBe(false);
  });

  it('registers every API method over IPC, backed by the real library', async () => {
    await start();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(apiMethods.map((m) => IPC_PREFIX + m).sort());
    const handler = fake.ipcHandlers.get(`${IPC_PREFIX}getAppInfo`)!;
    const info = await handler({ senderFrame: { url: 'app://diptych/index.html' } }, {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', version: '0.1.0-test', dataDir: userData } });
    const bad = await fake.ipcHandlers.get(`${IPC_PREFIX}saveLayout`)!({ senderFrame: { url: 'app://diptych/index.html' } }, { layout: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('installs an application menu', async () => {
    await start();
    expect(fake.applicationMenu?.template.length).toBeGreaterThanOrEqual(5);
  });

  it('uses the folder given with --data', async () => {
    const elsewhere = join(root, 'elsewhere');
    const instance = await start(['electron', '.', '--data', elsewhere]);
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', elsewhere);
    expect(instance?.service.options.dataDir).toBe(elsewhere);
  });
});

describe('single instance', () => {
  it('quits at once when another instance holds the lock', async () => {
    fake.app.gotLock = false;
    const instance = await start();
    expect(instance).toBeNull();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });

  it('restores and focuses the existing window on a second launch', async () => {
    await start();
    const window = onlyWindow();
    window.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['diptych'], '/');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('opens a new window on a second launch when the old one was closed', async () => {
    await start();
    onlyWindow().close();
    fake.app.emit('second-instance', fakeEvent(), ['diptych'], '/');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(FakeBrowserWindow.instances[1]?.loadedUrl).toBe('app://diptych/index.html');
  });
});

describe('quitting', () => {
  it('holds the first quit until the library is flushed, then quits', async () => {
    const instance = await start();
    const flush = vi.spyOn(instance!.service, 'flush');
    const first = fakeEvent();
    fake.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const second = fakeEvent();
    fake.app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('does not flush twice when quit is asked for again while flushing', async () => {
    const instance = await start();
    let finish: () => void = () => {};
    const flush = vi.spyOn(instance!.service, 'flush').mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    fake.app.emit('before-quit', fakeEvent());
    const again = fakeEvent();
    fake.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(true);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
  });

  it('tells the reader when the last save fails, and still quits', async () => {
    const instance = await start();
    vi.spyOn(instance!.service, 'flush').mockRejectedValue(new Error('disk full'));
    fake.app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith('Diptych could not save', 'disk full');
  });

  it('quits when the last window closes, except on macOS', async () => {
    await start();
    fake.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(fake.app.quit).not.toHaveBeenCalled();
    else expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('the data folder', () => {
  it('is locked while Diptych runs and given back when it quits', async () => {
    await start();
    const lock = JSON.parse(await readFile(join(userData, 'diptych.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, mode: 'electron' });
    fake.app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    await expect(readFile(join(userData, 'diptych.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('records startup and quitting in logs/diptych.log', async () => {
    await start();
    fake.app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const log = await readFile(join(userData, 'logs', 'diptych.log'), 'utf8');
    expect(log).toMatch(/INFO Diptych 0\.1\.0-test starting as the desktop app \(pid \d+/);
    expect(log).toMatch(/INFO opened the library in /);
    expect(log).toMatch(/INFO quitting\./);
  });
});

describe('startup failures', () => {
  it('names the browser-mode host using the data folder, and exits with status 1', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      await mkdir(userData, { recursive: true });
      const startedAt = new Date();
      const lock = { pid: other.pid, hostname: hostname(), mode: 'browser', startedAt: startedAt.toISOString(), token: 'the-other-one' };
      await writeFile(join(userData, 'diptych.lock'), JSON.stringify(lock));
      expect(await start()).toBeNull();
      const time = `${String(startedAt.getHours()).padStart(2, '0')}:${String(startedAt.getMinutes()).padStart(2, '0')}`;
      expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith(
        'Diptych cannot start',
        `Another Diptych (browser mode, pid ${other.pid}, started ${time}) is using ${userData}. Close it first, then start this one again. ` +
          `If no other Diptych is running, delete ${join(userData, 'diptych.lock')} and try again.`,
      );
      expect(fake.app.exit).toHaveBeenCalledWith(1);
      expect(FakeBrowserWindow.instances).toHaveLength(0);
      expect(JSON.parse(await readFile(join(userData, 'diptych.lock'), 'utf8'))).toEqual(lock);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('explains an unusable data folder and exits with status 1', async () => {
    await writeFile(join(root, 'a-file'), 'in the way');
    fake.app.paths.userData = join(root, 'a-file', 'data');
    const instance = await start();
    expect(instance).toBeNull();
    expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith('Diptych cannot start', expect.stringContaining('cannot use the data folder'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('refuses a database written by a newer Diptych', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'diptych.json'), JSON.stringify({ schemaVersion: 999 }));
    expect(await start()).toBeNull();
    expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith('Diptych cannot start', expect.stringContaining('newer version of Diptych'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('says how to build the renderer when its files are missing', async () => {
    await rm(join(appRoot, 'dist'), { recursive: true });
    expect(await start()).toBeNull();
    expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith('Diptych cannot start', expect.stringContaining('npm run build'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('reports an unexpected failure with its message and where the details were logged', async () => {
    await rm(join(appRoot, 'documents'), { recursive: true });
    expect(await start()).toBeNull();
    const logFile = join(userData, 'logs', 'diptych.log');
    expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith(
      'Diptych cannot start',
      expect.stringMatching(new RegExp(`^Diptych could not start: .+ Details were written to ${logFile}\\.$`)),
    );
    expect(await readFile(logFile, 'utf8')).toMatch(/ERROR could not start\n {4}Error: ENOENT/);
    // The lock taken before the failure is given back.
    await expect(readFile(join(userData, 'diptych.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });
});
