// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const CONFIG = join(ROOT, 'electron-builder.yml');

// electron-builder's own loader and schema check, so the config is judged by the tool that will read it.
const require = createRequire(join(ROOT, 'node_modules', 'electron-builder', 'package.json'));
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<Record<string, unknown>>;
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  directories?: { output?: string };
  files?: Array<string | { filter?: string[] }>;
  extraResources?: Array<{ from: string; to: string }>;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; category?: string; synopsis?: string };
  win?: { target?: string[] };
  mac?: { target?: string[]; category?: string };
}

async function loadConfig(): Promise<BuilderConfig> {
  return (await getConfig(ROOT, CONFIG, null)) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and sends output to release/', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('org.diptych.reader');
    expect(config.productName).toBe('Diptych');
    expect(config.directories?.output).toBe('release');
    expect(config.asar).toBe(true);
  });

  it('packs the main entry named in package.json, the preload and the renderer', async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.mjs');
    // The loader normalises `files` into filter groups; what matters is the patterns.
    const patterns = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map']));
    expect(patterns.some((p) => p.startsWith('electron/') || p.startsWith('renderer/'))).toBe(false);
  });

  it('ships the bundled documents as resources', async () => {
    const config = await loadConfig();
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'documents', to: 'documents' })]);
  });

  it('burns in the hardening fuses', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('targets AppImage and deb, NSIS, and dmg', async () => {
    const config = await loadConfig();
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.productivity' });
  });
});
