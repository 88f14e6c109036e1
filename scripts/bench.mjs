#!/usr/bin/env node
// `npm run bench`: prints speed figures for the foundation as a table.
// Runs the real host and Debian's Chromium; nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { callApi as call, executablePath, launchArgs, root, startHost, stopHost as stop } from '../tests/bench/bench-host.mjs';
import { buildAll } from './build.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const rows = [];
const row = (what, value, unit, target) => rows.push({ what, value, unit, target });

await buildAll({ only: ['renderer', 'host'] });

// 1. Host start to first API answer.
{
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const host = await startHost(mkdtempSync(join(tmpdir(), 'diptych-bench-')));
    await call(host, 'listDocuments');
    times.push(performance.now() - started);
    await stop(host);
  }
  row('host start → first API answer (median of 5, new library)', median(times), 'ms', '');
}

const browser = await chromium.launch({ executablePath, args: launchArgs });
const host = await startHost(mkdtempSync(join(tmpdir(), 'diptych-bench-')));
try {
  // 2. Page load to both source texts rendered.
  {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const times = [];
    for (let i = 0; i < 11; i++) {
      await page.goto(host.url);
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const ready = () => document.querySelector('[data-testid="pane-left"][data-ready="true"]') && document.querySelector('[data-testid="pane-right"][data-ready="true"]');
            const poll = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(poll));
            poll();
          }),
      );
      if (i > 0) times.push(ms); // the first load warms the disk cache
    }
    row('page load → both source texts rendered (median of 10)', median(times), 'ms', '< 400');
    await page.close();
  }

  // 3. The 5 MB text.
  {
    const sources = ['000_f1b498f6176dc71c.txt', '001_50dbc8cc9f109cf8.txt'].map((f) => readFileSync(join(root, 'documents', f), 'utf8'));
    const parts = [];
    let length = 0;
    for (let i = 0; length < 5 * 1024 * 1024; i++) {
      const chunk = `§${i} ${sources[i % 2].trim()}\n\n`;
      parts.push(chunk);
      length += chunk.length;
    }
    const added = await call(host, 'addTextDocument', { title: 'Five megabytes', text: parts.join('') });
    const session = await call(host, 'getSession');
    await call(host, 'saveLayout', { layout: { ...session.layout, left: { documentId: added.id, position: 0 } } });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const firstScreen = [];
    for (let i = 0; i < 4; i++) {
      await page.goto(host.url);
      firstScreen.push(
        await page.evaluate(
          (id) =>
            new Promise((resolve) => {
              const poll = () => (document.querySelector(`[data-testid="pane-left"][data-document-id="${id}"][data-ready="true"]`) ? resolve(performance.now()) : requestAnimationFrame(poll));
              poll();
            }),
          added.id,
        ),
      );
    }
    row('5 MB text: page load → first screen (median of 3)', median(firstScreen.slice(1)), 'ms', '< 500');
    const count = () => page.evaluate(() => document.getElementsByTagName('*').length);
    const counts = [await count()];
    const input = page.getByRole('spinbutton', { name: 'Position in left pane, percent' });
    for (const [label, percent] of [['middle', '50'], ['end', '100']]) {
      const t0 = performance.now();
      await input.fill(percent);
      await input.press('Enter');
      await page.waitForFunction(
        ({ p, length }) => {
          const blocks = [...document.querySelectorAll('[data-testid="pane-text-left"] [data-block-start]')];
          const scroller = document.querySelector('[data-testid="pane-scroll-left"]');
          if (!scroller || blocks.length === 0) return false;
          const top = scroller.getBoundingClientRect().top;
          const visible = blocks.find((b) => b.getBoundingClientRect().bottom > top);
          return visible && Math.abs(Number(visible.getAttribute('data-block-start')) / length - p / 100) < 0.05;
        },
        { p: Number(percent), length: added.length },
        { polling: 'raf', timeout: 10_000 },
      ).catch(() => {});
      row(`5 MB text: jump to the ${label}`, performance.now() - t0, 'ms', '');
      counts.push(await count());
    }
    for (let i = 0; i < 20; i++) {
      await page.getByTestId('pane-scroll-left').evaluate((el, f) => el.scrollTo(0, el.scrollHeight * f), i / 20);
      await page.waitForTimeout(30);
      counts.push(await count());
    }
    row('5 MB text: DOM elements, most seen while scrolling', Math.max(...counts), '', '< 3000');
    await page.close();
  }
} finally {
  await browser.close();
  await stop(host);
}

// Benchmarks of other parts live beside their code's tests and print one JSON line of rows.
const subBenches = [
  ['tests/bench/anchoring-bench.ts', ['--import', 'tsx']],
  ['tests/bench/annotation-store-bench.ts', ['--import', 'tsx']],
  ['tests/bench/library-bench.ts', ['--import', 'tsx']],
  ['tests/bench/annotation-ui-bench.mjs', []],
  ['tests/bench/memory-bench.mjs', []],
  // The PDF bench generates its 500-page PDF with the TypeScript test fixtures.
  ['tests/bench/pdf-bench.mjs', ['--import', 'tsx']],
  // Compare mode imports its TypeScript worker client and the seeded generator.
  ['tests/bench/compare-bench.mjs', ['--import', 'tsx']],
];
for (const [file, flags] of subBenches) {
  if (!existsSync(join(root, file))) continue;
  const result = spawnSync(process.execPath, [...flags, join(root, file)], { cwd: root, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  const line = (result.stdout ?? '').trim().split('\n').reverse().find((l) => l.startsWith('{'));
  try {
    for (const r of JSON.parse(line).rows) row(r.what, r.value, r.unit ?? '', r.target ?? '');
  } catch {
    row(`${file} did not report (exit ${result.status}): ${(result.stderr ?? '').trim().split('\n').pop()}`, NaN, '', '');
  }
}

console.log('\nDiptych benchmark (this machine: ' + (await import('node:os')).cpus().length + ' cores)\n');
const w = Math.max(...rows.map((r) => r.what.length));
console.log(`${'measure'.padEnd(w)}  ${'value'.padStart(9)}  target`);
console.log(`${'-'.repeat(w)}  ${'-'.repeat(9)}  ------`);
const shown = (r) => (Number.isNaN(r.value) ? '—' : `${r.value >= 100 || Number.isInteger(r.value) ? Math.round(r.value) : r.value.toFixed(1)}${r.unit ? ' ' + r.unit : ''}`);
for (const r of rows) console.log(`${r.what.padEnd(w)}  ${shown(r).padStart(9)}  ${r.target}`);
