#!/usr/bin/env node
// `npm test`: type-check, lint, Electronegativity, unit and hardening tests (Vitest), build, end-to-end tests
// (Playwright in Debian's Chromium). Every stage runs; the summary ends with
// one line `N passed, N failed` over all of them, and the exit code is 1 if
// anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const stages = [];

/**
 * The end-to-end tests drive Debian's Chromium, and the PDF tests draw
 * Cyrillic and Greek with DejaVu Sans. On a fresh Debian or Ubuntu machine
 * where we are root, install what is missing; otherwise say exactly what to run.
 */
function ensureSystemPackages() {
  const missing = [];
  if (!process.env.DIPTYCH_CHROMIUM && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) missing.push('fonts-dejavu-core');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`▶ installing what the tests need (apt-get install ${missing.join(' ')})`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.log(`The tests need ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (Debian/Ubuntu)${missing.includes('chromium') ? ', or set DIPTYCH_CHROMIUM to a Chromium executable' : ''}.`);
  }
}
ensureSystemPackages();

/** A check with no test count of its own (type-check, lint, build) counts as one test. */
function check(name, command, args) {
  console.log(`\n▶ ${name}`);
  const { ok, seconds } = run(command, args);
  stages.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

check('type-check', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
// Electronegativity over the Electron sources; the script fails on any finding not justified in electronegativity-justifications.json.
check('electronegativity', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]);

{
  console.log('\n▶ unit tests (Vitest)');
  const out = join(reports, 'vitest.json');
  rmSync(out, { force: true });
  const { ok, seconds } = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const report = readJson(out);
  const passed = report?.numPassedTests ?? 0;
  const failed = (report?.numFailedTests ?? 0) + (!ok && !report?.numFailedTests ? 1 : 0);
  stages.push({ name: 'unit tests', passed, failed, seconds });
}

const built = check('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);

{
  console.log('\n▶ end-to-end tests (Playwright, Chromium)');
  const out = join(reports, 'playwright.json');
  rmSync(out, { force: true });
  if (!built) {
    stages.push({ name: 'end-to-end tests', passed: 0, failed: 1, seconds: '0.0', note: 'not run: the build failed' });
  } else {
    const { ok, seconds } = run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const stats = readJson(out)?.stats;
    const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    const failed = (stats?.unexpected ?? 0) + (!ok && !stats?.unexpected ? 1 : 0);
    stages.push({ name: 'end-to-end tests', passed, failed, seconds });
  }
}

console.log('\nSummary');
for (const s of stages) {
  console.log(`  ${s.name.padEnd(18)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.padStart(6)} s${s.note ? `  (${s.note})` : ''}`);
}
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
