/**
 * Vitest global setup: builds the browser-mode host once, before any test
 * file runs. Several files start the built host as a child process; each
 * building it on its own would have two builds writing dist/host/host.mjs
 * while a third test starts it half-written. The build skips itself when
 * dist/host is newer than its sources.
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../support/paths';

export default function buildHost(): void {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'host'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the host build failed:\n${build.stdout}\n${build.stderr}`);
}
