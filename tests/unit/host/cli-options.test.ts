import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseHostArgs } from '../../../electron/host/cli-options';
import { canOpenBrowser } from '../../../electron/host/open-browser';
import { defaultDataDir } from '../../../electron/library/data-dir';

describe('parseHostArgs', () => {
  it('reads --port, --data and --no-open in both spellings', () => {
    expect(parseHostArgs(['--port', '4517', '--data', 'lib', '--no-open'])).toEqual({ port: 4517, dataDir: resolve('lib'), documentsDir: null, open: false, help: false });
    expect(parseHostArgs(['--port=0', '--data=/tmp/x'])).toMatchObject({ port: 0, dataDir: '/tmp/x', open: true });
  });

  it('explains what is wrong with a bad option', () => {
    expect(() => parseHostArgs(['--port', 'http'])).toThrow('--port takes a whole number from 0 to 65535, not "http".');
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/0 to 65535/);
    expect(() => parseHostArgs(['--data'])).toThrow('--data needs a value.');
    expect(() => parseHostArgs(['--colour'])).toThrow('Unknown option "--colour".');
  });
});

describe('platform defaults', () => {
  it('keeps data where Electron keeps userData on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Diptych');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/Diptych');
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Diptych');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toMatch(/Roaming[\\/]Diptych$/);
  });

  it('opens a browser only where there is a display and not in CI', () => {
    expect(canOpenBrowser('linux', {})).toBe(false);
    expect(canOpenBrowser('linux', { DISPLAY: ':0' })).toBe(true);
    expect(canOpenBrowser('linux', { DISPLAY: ':0', CI: 'true' })).toBe(false);
    expect(canOpenBrowser('darwin', {})).toBe(true);
  });
});
