#!/usr/bin/env node
// Memory benchmark: opens and closes documents 100 times in one session
// (the two source texts, an imported Markdown file and the bundled PDF) in
// the built browser-mode host and Debian's Chromium, and compares the
// renderer's JavaScript heap after garbage collection before and after.
// Prints ONE line of JSON: {"rows":[{"what","value","unit","target"}, …]};
// progress goes to stderr.
/* global process, fetch, document, TextEncoder */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt, executablePath, launchArgs, startHost, stopHost } from './bench-host.mjs';

const CYCLES = 100;
// Long enough for V8 to finish optimising the code these cycles run: its compiled code would otherwise count as growth.
const WARM_UP = 30;

const log = (message) => process.stderr.write(`[memory-bench] ${message}\n`);




async function importMarkdown(host) {
  const markdown = Array.from({ length: 200 }, (_, i) => `## Section ${i}\n\nA paragraph with *emphasis*, **strength** and a [link](https://example.org/${i}).\n\n- one\n- two\n`).join('\n');
  const response = await fetch(`${host.origin}/api/importDocument`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Diptych-Token': host.token, 'X-Diptych-Input': encodeURIComponent(JSON.stringify({ fileName: 'memory.md' })) },
    body: new TextEncoder().encode(markdown),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(result.error.message);
  return result.value.document.title;
}

/** The JS heap in use after a full garbage collection, in bytes. */
async function heapAfterGc(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

ensureBuilt(log);
const dataDir = mkdtempSync(join(tmpdir(), 'diptych-memory-bench-'));
const host = await startHost(dataDir);
const browser = await chromium.launch({ executablePath, args: launchArgs });
try {
  const markdownTitle = await importMarkdown(host);
  const titles = ['The Soviet Overtures of 1939', markdownTitle, 'A chronology of the 1939 Anglo-French-Soviet talks', "London's Dilemma, Summer 1939"];
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.goto(host.url);
  await page.waitForSelector('[data-testid="pane-left"][data-ready="true"]');
  const picker = page.getByRole('combobox', { name: 'Document in left pane' });
  const cycle = async (i) => {
    // Open a document in the left pane, wait until it is drawn, then close it.
    await picker.selectOption({ label: titles[i % titles.length] });
    await page.waitForSelector('[data-testid="pane-left"][data-ready="true"]', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Close document in left pane' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="pane-left"][data-ready="true"]'));
  };
  for (let i = 0; i < WARM_UP; i++) await cycle(i);
  const before = await heapAfterGc(cdp);
  log(`heap after warm-up: ${(before / 1024 / 1024).toFixed(1)} MB`);
  for (let i = 0; i < CYCLES; i++) await cycle(i);
  const after = await heapAfterGc(cdp);
  log(`heap after ${CYCLES} more opens and closes: ${(after / 1024 / 1024).toFixed(1)} MB`);
  const growth = ((after - before) / before) * 100;
  const rows = [
    { what: `memory: renderer heap after GC, after ${WARM_UP} warm-up opens`, value: Math.round((before / 1024 / 1024) * 10) / 10, unit: 'MB', target: '' },
    { what: `memory: renderer heap after GC, after ${CYCLES} more opens and closes (texts, Markdown, PDF)`, value: Math.round((after / 1024 / 1024) * 10) / 10, unit: 'MB', target: '' },
    { what: 'memory: heap growth over those opens and closes', value: Math.round(growth * 10) / 10, unit: '%', target: '< 10' },
  ];
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
} finally {
  await browser.close();
  await stopHost(host);
  rmSync(dataDir, { recursive: true, force: true });
}
