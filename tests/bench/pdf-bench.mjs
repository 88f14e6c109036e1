#!/usr/bin/env node
// PDF benchmark: a generated 500-page PDF imported into a temp browser-mode
// host and read in Debian's Chromium. Measures the first page's text layer
// (at page load, and when the PDF is chosen in a running window), the most
// page canvases alive while scrolling through, and the renderer's heap once
// scrolled to the end. pdf.js' own viewer component (PDFViewer from
// pdfjs-dist/web/pdf_viewer.mjs) reads the same file in the same run, from a
// small page this bench serves itself, in a box the size of Diptych's pane.
// Run with `node --import tsx tests/bench/pdf-bench.mjs` (the PDF generator
// is TypeScript). Prints ONE line of JSON: {"rows":[{"what","value","unit","target"}, …]};
// progress goes to stderr.
// Node globals, and the browser globals of the functions handed to the page:
/* global process, URL, fetch, performance, document, window, requestAnimationFrame, MutationObserver, setTimeout */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { callApi as call, ensureBuilt, executablePath, launchArgs, root, startHost, stopHost } from './bench-host.mjs';
import { longPdf } from '../support/pdf-fixtures.ts';

const PAGES = 500;
const RUNS = 5;
const FIRST_TEXT_TARGET_MS = 800;
const MAX_CANVASES = 6;

const log = (message) => process.stderr.write(`[pdf-bench] ${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
const row = (what, value, unit, target = '') => rows.push({ what, value, unit, target });





/** Imports a file as the renderer does over HTTP: raw bytes, the other fields in a header. */
async function importFile(host, fileName, bytes) {
  const response = await fetch(`${host.origin}/api/importDocument`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Diptych-Token': host.token, 'X-Diptych-Input': encodeURIComponent(JSON.stringify({ fileName })) },
    body: bytes,
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`importDocument: ${result.error.message}`);
  return result.value.document;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.pdf': 'application/pdf', '.svg': 'image/svg+xml' };

/**
 * The page for pdf.js' own viewer: PDFViewer with its link service, the
 * text layer on, the page width fitted (as Diptych opens a PDF), in a box
 * of the given size; `window.firstTextLayer` is set when page 1's text
 * layer is rendered.
 */
function viewerPage(width, height) {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>body{margin:0} #viewerContainer{position:absolute;top:0;left:0;width:${width}px;height:${height}px;overflow:auto;background:#ddd}</style></head>
<body><div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
import * as pdfjsLib from '/pdfjs/build/pdf.mjs';
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
globalThis.pdfjsLib = pdfjsLib;
const { EventBus, PDFLinkService, PDFViewer } = await import('/pdfjs/web/pdf_viewer.mjs');
const container = document.getElementById('viewerContainer');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const viewer = new PDFViewer({ container, eventBus, linkService });
linkService.setViewer(viewer);
eventBus.on('pagesinit', () => { viewer.currentScaleValue = 'page-width'; });
eventBus.on('textlayerrendered', (event) => { if (window.firstTextLayer === undefined) window.firstTextLayer = performance.now(); });
window.openStarted = performance.now();
const pdf = await pdfjsLib.getDocument({ url: '/file.pdf', isEvalSupported: false, enableXfa: false, standardFontDataUrl: '/pdfjs/standard_fonts/', cMapUrl: '/pdfjs/cmaps/', wasmUrl: '/pdfjs/wasm/' }).promise;
viewer.setDocument(pdf);
linkService.setDocument(pdf);
</script></body></html>`;
}

/** Serves the viewer page, pdfjs-dist and the PDF, on 127.0.0.1 only. */
function serveViewer(bytes, size) {
  const pdfjs = join(root, 'node_modules', 'pdfjs-dist');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let body = null;
    let type = 'application/octet-stream';
    if (path === '/') [body, type] = [viewerPage(size.width, size.height), TYPES['.html']];
    else if (path === '/file.pdf') [body, type] = [bytes, TYPES['.pdf']];
    else if (path.startsWith('/pdfjs/')) {
      const file = normalize(join(pdfjs, path.slice('/pdfjs/'.length)));
      if (file.startsWith(pdfjs) && existsSync(file)) [body, type] = [readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream'];
    }
    if (body === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

/** Waits for the first text layer in a page (Diptych's mark, or the viewer's flag); ms since navigation. */
async function firstTextLayer(page, which) {
  if (which === 'diptych') {
    await page.waitForFunction(() => performance.getEntriesByName('diptych:pdf-first-text-layer').length > 0, null, { polling: 'raf', timeout: 30_000 });
    return page.evaluate(() => performance.getEntriesByName('diptych:pdf-first-text-layer')[0].startTime);
  }
  await page.waitForFunction(() => window.firstTextLayer !== undefined, null, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => window.firstTextLayer);
}

/**
 * Scrolls a scroller from top to bottom in steps of about half a view,
 * letting each step paint, while an observer records the most page
 * canvases in the document at any moment.
 */
async function scrollThrough(page, scrollerSelector, canvasSelector) {
  return page.evaluate(
    async ({ scrollerSelector, canvasSelector }) => {
      const scroller = document.querySelector(scrollerSelector);
      let most = 0;
      const count = () => {
        most = Math.max(most, document.querySelectorAll(canvasSelector).length);
      };
      const observer = new MutationObserver(count);
      observer.observe(document.body, { subtree: true, childList: true });
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const started = performance.now();
      const step = Math.max(200, scroller.clientHeight / 2);
      for (let top = 0; top < scroller.scrollHeight; top += step) {
        scroller.scrollTop = top;
        await frame();
        await frame();
        count();
      }
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      count();
      observer.disconnect();
      return { most, ms: performance.now() - started };
    },
    { scrollerSelector, canvasSelector },
  );
}

/** Where the time went after a mark: the renderer's marks and the requests, in ms since it. */
function stepsSince(page, markName) {
  return page.evaluate((markName) => {
    const from = performance.getEntriesByName(markName).at(-1)?.startTime ?? 0;
    return [
      ...performance.getEntriesByType('mark').filter((e) => e.name.startsWith('diptych:') && e.startTime >= from).map((e) => `${e.name.slice(8)} ${Math.round(e.startTime - from)}`),
      ...performance.getEntriesByType('resource').filter((e) => e.startTime >= from).map((e) => `${e.name.split('/').pop().split('?')[0]} ${Math.round(e.startTime - from)}→${Math.round(e.responseEnd - from)}`),
    ];
  }, markName);
}

/** The page's JavaScript heap after a full garbage collection, in MB. */
async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

ensureBuilt(log);
const dataDir = mkdtempSync(join(tmpdir(), 'diptych-pdf-bench-'));
const host = await startHost(dataDir);
const browser = await chromium.launch({ executablePath, args: launchArgs });
let viewerServer = null;
try {
  log(`generating a ${PAGES}-page PDF…`);
  const bytes = await longPdf(PAGES);
  log(`importing it (${(bytes.length / 1024 / 1024).toFixed(1)} MB)…`);
  const importStarted = performance.now();
  const document_ = await importFile(host, 'five hundred pages.pdf', bytes);
  row(`${PAGES}-page PDF: import (text extraction in the host)`, performance.now() - importStarted, 'ms');
  const session = await call(host, 'getSession');
  const layout = (right) => ({ ...session.layout, sidebarOpen: false, right: { documentId: right, position: 0 } });

  // 1. Page load with the PDF in the right pane → its first page's text layer.
  await call(host, 'saveLayout', { layout: layout(document_.id) });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cold = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(host.url);
    const ms = await firstTextLayer(page, 'diptych');
    if (i > 0) cold.push(ms); // the first load warms the disk cache
  }
  const diptychCold = median(cold);
  row(`${PAGES}-page PDF: page load → first page's text layer (median of ${RUNS})`, diptychCold, 'ms', `< ${FIRST_TEXT_TARGET_MS}`);
  const marks = await page.evaluate(() => [
    ...performance.getEntriesByType('mark').filter((e) => e.name.startsWith('diptych:')).map((e) => `${e.name.slice(8)} ${Math.round(e.startTime)}`),
    ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') || e.name.includes('pdf')).map((e) => `${e.name.split('/').pop().split('?')[0]} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`),
  ]);
  log(`  where the time went: ${marks.join(', ')}`);
  const size = await page.getByTestId('pane-scroll-right').evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));

  // 2. In a running window: the PDF chosen in the right pane's picker → its first page's text layer.
  const warm = [];
  for (let i = 0; i <= RUNS; i++) {
    // Each run starts with the right pane empty. The previous run's window (which chose the PDF) is left
    // first, and given time to save its layout on the way out, so that save cannot reopen the PDF at start-up.
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await call(host, 'saveLayout', { layout: { ...layout(null) } });
    await page.goto(host.url);
    await page.getByTestId('pane-left').and(page.locator('[data-ready="true"]')).waitFor();
    const openAtStart = await page.getByTestId('pane-right').getAttribute('data-document-id');
    if (openAtStart) throw new Error(`the right pane opened ${openAtStart} at start-up, so this run would not time choosing the PDF`);
    await page.evaluate(() => performance.clearMarks('diptych:pdf-first-text-layer'));
    const chosen = await page.evaluate(() => performance.mark('diptych:pdf-chosen').startTime);
    await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption(document_.id);
    const ms = (await firstTextLayer(page, 'diptych')) - chosen;
    if (i > 0) warm.push(ms);
  }
  row(`${PAGES}-page PDF: chosen in a pane → first page's text layer (median of ${RUNS})`, median(warm), 'ms', `< ${FIRST_TEXT_TARGET_MS}`);
  log(`  chosen in a pane, the last run: ${(await stepsSince(page, 'diptych:pdf-chosen')).join(', ')}`);

  // 3. Scrolling through: page canvases alive at once, then the heap at the end.
  await page.goto(host.url);
  await firstTextLayer(page, 'diptych');
  const scrolled = await scrollThrough(page, '[data-testid="pane-scroll-right"]', '[data-testid="pane-text-right"] [data-testid="pdf-canvas"]');
  row(`${PAGES}-page PDF: most page canvases alive while scrolling through`, scrolled.most, '', `≤ ${MAX_CANVASES}`);
  row(`${PAGES}-page PDF: renderer JS heap after scrolling to the end (after GC)`, await heapAfterGc(page), 'MB');
  row(`${PAGES}-page PDF: DOM elements at the end`, await page.evaluate(() => document.getElementsByTagName('*').length), '');
  await page.close();

  // 4. pdf.js' own viewer on the same file, in a box the size of Diptych's pane.
  viewerServer = await serveViewer(bytes, size);
  const viewer = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const viewerTimes = [];
  const viewerOpen = [];
  for (let i = 0; i <= RUNS; i++) {
    await viewer.goto(viewerServer.url);
    const ms = await firstTextLayer(viewer, 'viewer');
    if (i > 0) viewerTimes.push(ms);
    if (i > 0) viewerOpen.push(ms - (await viewer.evaluate(() => window.openStarted)));
  }
  const viewerCold = median(viewerTimes);
  row(`${PAGES}-page PDF: pdf.js PDFViewer, page load → first page's text layer (median of ${RUNS})`, viewerCold, 'ms');
  row(`${PAGES}-page PDF: pdf.js PDFViewer, getDocument → first page's text layer (its code already loaded)`, median(viewerOpen), 'ms');
  row(`${PAGES}-page PDF: Diptych ÷ PDFViewer, page load → first text layer`, diptychCold / viewerCold, '×', '≤ 1');
  row(`${PAGES}-page PDF: Diptych ÷ PDFViewer, opening in a running window → first text layer`, median(warm) / median(viewerOpen), '×', '≤ 1');
  const viewerScrolled = await scrollThrough(viewer, '#viewerContainer', '#viewer canvas');
  row(`${PAGES}-page PDF: pdf.js PDFViewer, most page canvases alive while scrolling through`, viewerScrolled.most, '');
  row(`${PAGES}-page PDF: pdf.js PDFViewer, JS heap after scrolling to the end (after GC)`, await heapAfterGc(viewer), 'MB');
  await viewer.close();
} finally {
  await browser.close();
  await stopHost(host);
  viewerServer?.server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

process.stdout.write(`${JSON.stringify({ rows })}\n`);
