#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is (or can be) installed,
// otherwise browser mode, said in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable if it is installed, else null. Never downloads. */
function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Downloads Electron's binary explicitly (electron ≥ 42 no longer does it on install). */
function downloadElectron() {
  console.log('Diptych: downloading Electron’s binary (once)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (result.status === 0) return { ok: true };
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const firstError = output.split('\n').find((line) => /error/i.test(line))?.trim() ?? (result.error?.message ?? 'no answer');
  return { ok: false, reason: firstError.replace(/^Error:\s*/, '').slice(0, 160) };
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function startBrowserMode(reason) {
  console.log(`Diptych: ${reason}; starting browser mode instead.`);
  await buildAll({ only: ['renderer', 'host'] });
  await import('../dist/host/host.mjs');
}

const args = process.argv.slice(2);
try {
  createRequire(import.meta.url).resolve('electron/package.json');
} catch {
  await startBrowserMode('Electron is not installed (run npm install)');
  process.exit();
}

if (!hasDisplay()) {
  await startBrowserMode('there is no display for a desktop window');
} else {
  let executable = installedElectron();
  let reason = null;
  if (!executable) {
    const download = downloadElectron();
    executable = installedElectron();
    if (!executable) reason = `Electron’s binary is missing and could not be downloaded (${download.reason ?? 'unknown reason'})`;
  }
  if (!executable) {
    await startBrowserMode(reason);
  } else {
    await buildAll();
    const child = spawn(executable, [root, ...args], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
