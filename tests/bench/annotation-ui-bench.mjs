#!/usr/bin/env node
// Annotation UI benchmark: a 5 MB text carrying 10,000 highlights and 1,000
// notes, opened in the built browser-mode host and Debian's Chromium.
// Measures the first screen with its highlights drawn, one highlight made
// by the keyboard (until drawn, and until the status bar says it is on
// disk), and the size of the annotation files. Prints ONE line of JSON:
// {"rows":[{"what","value","unit","target"}, …]}; progress goes to stderr.
// Node globals, and the browser globals of the functions handed to the page:
/* global process, TextDecoder, performance, document, NodeFilter, MutationObserver, KeyboardEvent */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { callApi as call, ensureBuilt, executablePath, launchArgs, root, startHost, stopHost } from './bench-host.mjs';

const HIGHLIGHTS = 10_000;
const NOTES = 1_000;
const TEXT_BYTES = 5 * 1024 * 1024;
// More runs steady the medians on a busy machine (DIPTYCH_BENCH_RUNS=7).
const RUNS = Number(process.env.DIPTYCH_BENCH_RUNS ?? 5);

const log = (message) => process.stderr.write(`[annotation-ui-bench] ${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];





/** About 5 MB of the two source texts, numbered so every paragraph is distinct. */
function bigText() {
  const sources = readdirSync(join(root, 'documents'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => new TextDecoder().decode(readFileSync(join(root, 'documents', name))).trim());
  const parts = [];
  let length = 0;
  for (let i = 0; length < TEXT_BYTES; i++) {
    const chunk = `§${i} ${sources[i % sources.length]}\n\n`;
    parts.push(chunk);
    length += chunk.length;
  }
  return parts.join('');
}

function uuid(n) {
  return `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** 10,000 highlights and 1,000 notes spread evenly over the text, described as the app describes selections. */
function annotationsFor(documentId, text) {
  const colours = ['yellow', 'blue', 'pink', 'purple'];
  const total = HIGHLIGHTS + NOTES;
  const stamp = '2026-11-25T09:00:00.000Z';
  const items = [];
  for (let i = 0; i < total; i++) {
    let start = Math.floor((i * text.length) / total);
    while (start < text.length && /\s/.test(text[start])) start++;
    let end = Math.min(text.length, start + 20 + (i % 40));
    while (end > start + 1 && /\s/.test(text[end - 1])) end--;
    const target = {
      type: 'SpecificResource',
      source: `urn:diptych:document:${documentId}`,
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        { type: 'TextPositionSelector', start, end },
      ],
    };
    const base = { id: uuid(i + 1), type: 'Annotation', created: stamp, modified: stamp, target: [target] };
    items.push(
      i % 11 === 10
        ? { ...base, motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: `# Note ${i}\n\nOn passage ${i}, see [[Note ${i - 11}]].` }] }
        : { ...base, motivation: 'highlighting', body: [], 'diptych:colour': colours[i % colours.length] },
    );
  }
  return items;
}

function sizeOf(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** Opens the app and waits until the left pane shows its text (with highlights, if `marked`); answers ms since navigation start. */
async function firstScreen(browser, host, marked = true) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  // The time is read in the page, in the frame where the condition first holds (reading it afterwards
  // would add two round trips between the bench and the browser).
  const ms = await page
    .waitForFunction(
      (marked) =>
        document.querySelector('[data-testid="pane-left"][data-ready="true"]') &&
        (!marked || document.querySelector('[data-testid="pane-text-left"] mark.anno')) &&
        performance.now(),
      marked,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue());
  // The first screen comes with the annotations near the reading position; the rest follow.
  const allMs = marked ? await page.waitForFunction(() => document.querySelector('[data-annotations="ready"]') && performance.now(), null, { polling: 'raf', timeout: 30_000 }).then((handle) => handle.jsonValue()) : ms;
  // Where the time went: the renderer's own marks and the API answers, in ms since navigation.
  const steps = await page.evaluate(() => [
    ...performance.getEntriesByType('mark').filter((e) => e.name.startsWith('diptych:')).map((e) => `${e.name.slice(8)} ${Math.round(e.startTime)}`),
    ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).map((e) => `${e.name.split('/api/')[1]} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`),
  ]);
  log(`  ${steps.join(', ')}`);
  return { page, ms, allMs };
}

/** Selects an unhighlighted stretch on screen, presses 2 (green) and times drawing and saving. */
async function oneHighlight(page) {
  return page.evaluate(async () => {
    const root = document.querySelector('[data-testid="pane-text-left"]');
    const scroller = document.querySelector('[data-testid="pane-scroll-left"]').getBoundingClientRect();
    // A bare text node between highlights, on screen.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('mark, .anno, .block-separator') || n.length < 12) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const box = range.getBoundingClientRect();
      if (box.top > scroller.top + 40 && box.bottom < scroller.bottom - 40) {
        node = n;
        break;
      }
    }
    if (!node) throw new Error('no unhighlighted text on screen');
    const range = document.createRange();
    range.setStart(node, 2);
    range.setEnd(node, Math.min(node.length, 10));
    document.getSelection().removeAllRanges();
    document.getSelection().addRange(range);
    const state = document.querySelector('[data-testid="save-state"]');
    const times = {};
    const done = new Promise((resolve) => {
      let sawSaving = false;
      const check = () => {
        const now = performance.now();
        if (times.drawn === undefined && root.querySelector('mark[data-colour="green"]')) times.drawn = now;
        const saveState = state.getAttribute('data-state');
        if (saveState === 'saving') sawSaving = true;
        if (sawSaving && saveState === 'saved' && times.saved === undefined) times.saved = now;
        if (times.drawn !== undefined && times.saved !== undefined) resolve();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-colour'] });
    });
    times.key = performance.now();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    await done;
    return { drawn: times.drawn - times.key, saved: times.saved - times.key };
  });
}

ensureBuilt(log);
const dataDir = mkdtempSync(join(tmpdir(), 'diptych-annotation-ui-bench-'));
const host = await startHost(dataDir);
const browser = await chromium.launch({ executablePath, args: launchArgs });
try {
  const text = bigText();
  log(`adding a ${(text.length / 1024 / 1024).toFixed(1)} M-character text…`);
  const added = await call(host, 'addTextDocument', { title: 'Five megabytes', text });
  const items = annotationsFor(added.id, text);
  log(`importing ${HIGHLIGHTS} highlights and ${NOTES} notes…`);
  const imported = await call(host, 'importAnnotations', { content: JSON.stringify(items), fileName: 'bench.jsonld' });
  if (imported.added !== items.length) throw new Error(`imported ${imported.added} of ${items.length}`);
  const { layout } = await call(host, 'getSession');
  const openLeft = (documentId) => call(host, 'saveLayout', { layout: { ...layout, left: { documentId, position: Math.floor(text.length / 2) } } });

  // The same text without annotations, for comparison: what the annotations add to the first screen.
  const bare = await call(host, 'addTextDocument', { title: 'Five megabytes, bare', text });
  await openLeft(bare.id);
  const bareLoads = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, ms } = await firstScreen(browser, host, false);
    bareLoads.push(ms);
    await page.close();
  }
  log(`first screen without annotations: ${bareLoads.map(Math.round).join(', ')} ms`);

  await openLeft(added.id);
  const loads = [];
  const complete = [];
  let last = null;
  for (let run = 0; run < RUNS; run++) {
    if (last) await last.page.close();
    last = await firstScreen(browser, host);
    loads.push(last.ms);
    complete.push(last.allMs);
    log(`first screen ${run + 1}: ${Math.round(last.ms)} ms; every annotation loaded at ${Math.round(last.allMs)} ms`);
  }
  const highlight = await oneHighlight(last.page);
  log(`one highlight: drawn in ${highlight.drawn.toFixed(1)} ms, saved in ${highlight.saved.toFixed(1)} ms`);
  await last.page.close();

  const bytes = sizeOf(join(dataDir, 'annotations'));
  const rows = [
    { what: `annotation UI: first screen of a 5 MB text with ${HIGHLIGHTS.toLocaleString('en')} highlights and ${NOTES.toLocaleString('en')} notes drawn (median of ${RUNS})`, value: median(loads), unit: 'ms', target: '< 700' },
    { what: `annotation UI: the same text until all ${(HIGHLIGHTS + NOTES).toLocaleString('en')} annotations are loaded behind the first screen (median of ${RUNS})`, value: median(complete), unit: 'ms', target: '' },
    { what: `annotation UI: the same first screen without annotations, for comparison (median of ${RUNS})`, value: median(bareLoads), unit: 'ms', target: '' },
    { what: 'annotation UI: a highlight made with its key, until drawn', value: highlight.drawn, unit: 'ms', target: '< 50' },
    { what: 'annotation UI: a highlight made with its key, until on disk (status bar says saved)', value: highlight.saved, unit: 'ms', target: '< 200' },
    { what: `annotation UI: annotation files on disk (${(HIGHLIGHTS + NOTES + 1).toLocaleString('en')} annotations)`, value: Math.round((bytes / 1024 / 1024) * 10) / 10, unit: 'MB', target: '' },
  ];
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
} finally {
  await browser.close();
  await stopHost(host);
  rmSync(dataDir, { recursive: true, force: true });
}
