// @vitest-environment node
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, showAboutBox } from '../../../electron/main/application-menu';
import { FakeBrowserWindow, electronModule, fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

type Item = MenuItemConstructorOptions;

function menu(template: Item[], label: string): Item[] {
  const found = template.find((item) => item.label === label);
  expect(found, label).toBeDefined();
  return found!.submenu as Item[];
}

const roles = (items: Item[]) => items.map((item) => item.role).filter((role) => role !== undefined);

function template(platform: NodeJS.Platform, isDev = false, onAbout = vi.fn()): Item[] {
  return buildMenuTemplate({ platform, isDev, appName: 'Diptych', onAbout, onImport: vi.fn() });
}

beforeEach(() => fake.reset());

describe('the application menu', () => {
  it('has the standard menus in order on Windows and Linux', () => {
    expect(template('linux').map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(menu(template('win32'), 'File'))).toEqual(['close', 'quit']);
  });

  it('starts with the app menu on macOS, which holds Quit', () => {
    const mac = template('darwin');
    expect(mac.map((item) => item.label)).toEqual(['Diptych', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(menu(mac, 'Diptych'))).toEqual(expect.arrayContaining(['about', 'hide', 'hideOthers', 'unhide', 'quit']));
    expect(roles(menu(mac, 'File'))).toEqual(['close']);
  });

  it('offers the edit roles', () => {
    expect(roles(menu(template('linux'), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers zoom and full screen, and reload and developer tools only in development', () => {
    const shipped = roles(menu(template('linux', false), 'View'));
    expect(shipped).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(menu(template('linux', true), 'View'));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('has a Window menu that minimises and closes', () => {
    expect(roles(menu(template('linux'), 'Window'))).toEqual(['minimize', 'close']);
  });

  it('calls onAbout from Help › About Diptych', () => {
    const onAbout = vi.fn();
    const about = menu(template('linux', false, onAbout), 'Help').find((item) => item.label === 'About Diptych');
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('shows the version in the About box, over the focused window', async () => {
    const window = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = window;
    await showAboutBox('Diptych', '1.2.3');
    expect(electronModule.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ message: 'Diptych 1.2.3' }));
  });
});
