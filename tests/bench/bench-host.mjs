// What the browser-based benchmarks share: the built app, a real host on a
// temp data folder, API calls over HTTP, and Debian's Chromium.
/* global process, URL, fetch */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const executablePath = process.env.DIPTYCH_CHROMIUM ?? '/usr/bin/chromium';
export const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Builds the renderer and the host unless they are built already; `log` says so. */
export function ensureBuilt(log = () => {}) {
  if (existsSync(join(root, 'dist/host/host.mjs')) && existsSync(join(root, 'dist/renderer/index.html'))) return;
  log('building the renderer and the host…');
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('the build failed');
}

/** Starts the built browser-mode host on `dataDir`; resolves once it printed its address. */
export function startHost(dataDir) {
  const child = spawn(process.execPath, [join(root, 'dist/host/host.mjs'), '--no-open', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Diptych ready at (\S+)/.exec(out);
      if (match) {
        const url = new URL(match[1]);
        resolve({ child, url: match[1], origin: url.origin, token: url.searchParams.get('token') });
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
}

/** Stops the host as Ctrl+C would, and waits for it. */
export function stopHost(host) {
  return new Promise((resolve) => {
    if (host.child.exitCode !== null) return resolve();
    host.child.once('exit', resolve);
    host.child.kill('SIGINT');
  });
}

/** One API call over HTTP; a refusal throws with the host's message. */
export async function callApi(host, method, input = {}) {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
    body: JSON.stringify(input),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}
