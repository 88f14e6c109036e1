#!/usr/bin/env node
// Runs Electronegativity over the Electron TypeScript sources and fails on
// any finding that electronegativity-justifications.json does not justify
// for that file. Electronegativity exits 0 whatever it finds, and with an
// output file it also drops files it could not parse without a word, so
// this script reads its SARIF and parses every source with its parser.
//
//   node scripts/electronegativity.mjs [--sarif FILE] [--justifications FILE] [--input DIR] [--parse-only]
//
// --sarif checks an existing SARIF file instead of running the scanner, and
// --parse-only only checks that every source parses (both for its tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const GLOBAL = '(global)';
const MIN_REASON_LENGTH = 80;

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
}

const input = option('--input', join(root, 'electron'));
const justificationsPath = option('--justifications', join(root, 'electronegativity-justifications.json'));
const givenSarif = option('--sarif', null);
const parseOnly = process.argv.includes('--parse-only');
const problems = [];

/** The Electron version the app ships, as Electronegativity's -e wants it. */
function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!spec) throw new Error('package.json names no electron version');
  return spec.replace(/^[^\d]*/, '');
}

function runScanner() {
  const out = join(root, 'test-results', 'electronegativity.sarif');
  mkdirSync(dirname(out), { recursive: true });
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  // It tries to fetch Electron's release list; offline that fails after a few seconds and the scan goes on.
  const run = spawnSync(process.execPath, [cli, '-i', input, '-e', electronVersion(), '-o', out, '-r'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(out)) {
    problems.push(`Electronegativity did not run (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    return null;
  }
  return out;
}

/** Findings as { check, file, line } from a SARIF 2.1 file. */
function readFindings(path) {
  const sarif = JSON.parse(readFileSync(path, 'utf8'));
  return (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      return { check: result.ruleId, file: uri === '' || uri === 'file:///' ? GLOBAL : uri, line: location?.region?.startLine ?? 0, text: result.message?.text ?? '' };
    }),
  );
}

/** Every source file must parse with the scanner's own parser, or it was not scanned at all. */
function checkParsing(dir) {
  const { Parser } = require('@doyensec/electronegativity/dist/parser/parser.js');
  const parser = new Parser(false, true);
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts'));
  for (const file of files) {
    const path = join(dir, file);
    try {
      parser.parse(path, readFileSync(path));
    } catch (error) {
      problems.push(`Electronegativity cannot parse ${relative(root, path)}, so it was not scanned: ${error.message}`);
    }
  }
  return files.length;
}

function readJustifications() {
  const raw = JSON.parse(readFileSync(justificationsPath, 'utf8'));
  const entries = Object.entries(raw).filter(([check]) => !check.startsWith('$'));
  for (const [check, entry] of entries) {
    if (!Array.isArray(entry.files) || entry.files.length === 0) problems.push(`${check}: the justification names no files.`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(`${check}: the justification must explain why it is safe (at least ${MIN_REASON_LENGTH} characters).`);
    }
    for (const test of entry.tested ?? []) if (!existsSync(join(root, test))) problems.push(`${check}: the test ${test} it points to does not exist.`);
    if (!Array.isArray(entry.tested) || entry.tested.length === 0) problems.push(`${check}: the justification names no test that proves the guard.`);
  }
  return new Map(entries);
}

if (parseOnly) {
  const parsed = checkParsing(input);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  console.log(`${parsed} files parsed.`);
  process.exit(problems.length === 0 ? 0 : 1);
}
const sarif = givenSarif ?? runScanner();
const justifications = readJustifications();
const scanned = givenSarif ? 0 : checkParsing(input);
const findings = sarif ? readFindings(sarif) : [];
const used = new Set();
for (const finding of findings) {
  const entry = justifications.get(finding.check);
  const where = finding.file === GLOBAL ? 'the whole app' : `${finding.file}:${finding.line}`;
  if (entry && entry.files.includes(finding.file)) {
    used.add(`${finding.check} ${finding.file}`);
    console.log(`  justified      ${finding.check} in ${where}`);
  } else {
    problems.push(`${finding.check} in ${where} is not justified: ${finding.text}. Fix it, or explain in ${relative(root, justificationsPath)} why it is safe.`);
  }
}
for (const [check, entry] of justifications) {
  for (const file of entry.files ?? []) {
    if (!used.has(`${check} ${file}`)) problems.push(`${check} is justified for ${file} but no longer found there: remove the entry.`);
  }
}

console.log(`Electronegativity: ${findings.length} finding(s), ${used.size} justified${scanned ? `, ${scanned} files parsed` : ''}.`);
for (const problem of problems) console.error(`  ✗ ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
