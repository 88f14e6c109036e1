/**
 * The application menu. Built from roles, so labels, accelerators and
 * platform conventions come from Electron rather than from us.
 */
import { BrowserWindow, Menu, dialog, type MenuItemConstructorOptions } from 'electron';

/** What the menu depends on, passed in so the template can be checked for every platform. */
export interface MenuContext {
  platform: NodeJS.Platform;
  /** Development build: offers reload and developer tools. */
  isDev: boolean;
  appName: string;
  onAbout: () => void;
  /** File › Import…: choose files to add to the library. */
  onImport: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu template for one platform. */
export function buildMenuTemplate({ platform, isDev, appName, onAbout, onImport }: MenuContext): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => onImport() },
        separator,
        ...(isMac ? [{ role: 'close', label: 'Close Window' } as const] : [{ role: 'close', label: 'Close Window' } as const, separator, { role: 'quit' } as const]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(isDev
          ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      role: 'window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'close' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      label: 'Help',
      role: 'help',
      submenu: [{ label: `About ${appName}`, click: () => onAbout() }],
    },
  );
  return template;
}

/** Installs the menu for this platform. */
export function installApplicationMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(context)));
}

/** The About box: which Diptych, and on which Electron, for bug reports. */
export async function showAboutBox(appName: string, version: string): Promise<void> {
  const versions = process.versions;
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: `About ${appName}`,
    message: `${appName} ${version}`,
    detail: [
      'A reader for two texts side by side.',
      `Electron ${versions.electron ?? 'unknown'} · Chromium ${versions.chrome ?? 'unknown'} · Node ${versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
    noLink: true,
  };
  const owner = BrowserWindow.getFocusedWindow();
  await (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}
