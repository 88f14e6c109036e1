/**
 * Compare mode end to end, on a real host: suggestions as bands in the
 * gutter, accepting (a link that survives a restart) and rejecting (gone
 * for good), aligned scrolling, link curves and edge markers, related
 * passages for a selection, and the inputs that have nothing to compare.
 */
import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import type { CompareSuggestion } from '../../electron/api/contract';
import { monotoneAnchors } from '../../renderer/src/compare/scroll-alignment';
import { ARTICLE, LONDON, selectQuote, SOVIET, storedAnnotations, watchFlash, type Side } from './annotations-support';
import { showInPane } from './pdf-support';
import { bigText, callApi, importFile } from './support/api';
import { expect, test } from './support/fixtures';
import { repoRoot, startHostProcess, type HostProcess } from './support/host';

const shots = join(repoRoot, 'test-results', 'screenshots');

type Ready = { status: 'ready'; suggestions: CompareSuggestion[]; rejected: number; message: string | null };

function suggestionsOf(host: HostProcess): Promise<Ready> {
  return callApi<Ready>(host, 'compareDocuments', { leftId: SOVIET, rightId: LONDON });
}

async function startCompare(page: Page, status = 'ready') {
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', status, { timeout: 20_000 });
  // The gutter has measured the panes once its first number shows.
  if (status === 'ready') await expect(page.getByTestId('compare-badge').first()).toBeVisible();
}

/** The top of a passage relative to the top of its pane's view, or null when it is not rendered. */
function passageTop(page: Page, side: Side, start: number, end: number): Promise<number | null> {
  return page.evaluate(
    ({ side, start, end }) => {
      const root = document.querySelector(`[data-testid="pane-text-${side}"]`)!;
      const scroller = document.querySelector(`[data-testid="pane-scroll-${side}"]`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).hasAttribute('data-offset-ignore') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP),
      });
      const range = document.createRange();
      let before = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = (node as Text).length;
        if (!started && start < before + length) {
          range.setStart(node, start - before);
          started = true;
        }
        if (started && end <= before + length) {
          range.setEnd(node, end - before);
          return range.getClientRects()[0]!.top - scroller.getBoundingClientRect().top;
        }
        before += length;
      }
      return null;
    },
    { side, start, end },
  );
}

test('compare mode shows numbered bands and explains a suggestion, in light and dark', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  await openApp();
  await startCompare(page);
  await expect(page.getByTestId('compare-bar')).toContainText(/\d+ suggested correspondences?, numbered strongest first/);
  // Aligned scrolling brings corresponding passages level, so whole bands show.
  await page.getByTestId('aligned-scrolling').click();
  await expect(page.getByTestId('aligned-scrolling')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('j');
  const first = page.locator('#compare-badge-1');
  await expect(first).toBeFocused();
  await expect(page.getByTestId('compare-band').first()).toBeVisible();
  const popover = page.getByTestId('compare-popover');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Score');
  await expect(popover.getByRole('button', { name: 'Accept as link' })).toBeVisible();
  await mkdir(shots, { recursive: true });
  // Past the card's brief fade-in.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(shots, 'compare-light.png') });
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).click();
  await page.keyboard.press('Escape');
  await first.focus();
  await expect(popover).toBeVisible();
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(shots, 'compare-dark.png') });
});

test('accepting makes a link drawn across the gutter that survives a restart; rejecting hides a suggestion for good', async ({ page, host, openApp }) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  const before = await suggestionsOf(host);
  expect(before.suggestions.length).toBeGreaterThanOrEqual(2);
  await openApp();
  await startCompare(page);

  // J focuses suggestion 1; Enter accepts it as a link between both passages.
  await page.keyboard.press('j');
  await expect(page.locator('#compare-badge-1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compare-toast')).toContainText('Linked suggestion 1');
  await expect(page.locator('#compare-badge-1')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.motivation).toBe('linking');
  expect(stored[0]!.target).toHaveLength(2);
  expect(JSON.stringify(stored[0]!.target)).toContain(before.suggestions[0]!.left.quote.slice(0, 30));
  expect(JSON.stringify(stored[0]!.target)).toContain(before.suggestions[0]!.right.quote.slice(0, 30));
  // The link is drawn in the gutter: a curve while both ends are on screen (J brought them there).
  await expect(page.getByTestId('link-curve')).toHaveCount(1);
  await page.keyboard.press('j');

  // Delete rejects the focused suggestion (the next one); the toast's Undo brings it back, Delete again hides it.
  const focusedRank = Number(await page.locator('.compare-badge:focus').getAttribute('data-rank'));
  const rejected = before.suggestions.find((s) => s.rank === focusedRank)!;
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('compare-toast')).toContainText(`Rejected suggestion ${focusedRank}`);
  await expect(page.locator(`#compare-badge-${focusedRank}`)).toHaveCount(0);
  await page.getByTestId('compare-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('status-message')).toContainText(`Suggestion ${focusedRank} is back`);
  expect((await suggestionsOf(host)).suggestions.some((s) => s.id === rejected.id)).toBe(true);
  await page.locator(`#compare-badge-${focusedRank}`).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('compare-toast')).toContainText(`Rejected suggestion ${focusedRank}`);
  await expect.poll(async () => (await suggestionsOf(host)).rejected).toBe(1);

  // One end scrolled off screen: a marker at the pane's edge points to it, and brings it back.
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-bar')).toBeHidden();
  // Links stay drawn in normal reading: the right end at the top of its pane, the left pane at its start (the left end is far below).
  const accepted = before.suggestions[0]!;
  await page.getByTestId('pane-scroll-left').evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('pane-scroll-right').evaluate((el) => el.scrollTo(0, 0));
  const rightTop = (await passageTop(page, 'right', accepted.right.start, accepted.right.end))!;
  await page.getByTestId('pane-scroll-right').evaluate((el, by) => el.scrollTo(0, by), Math.max(rightTop - 80, 0));
  // The left end off screen: below the start of the text, or else (a passage near the start) above its end.
  const leftView = await page.getByTestId('pane-scroll-left').evaluate((el) => el.clientHeight);
  let direction = 'down';
  if ((await passageTop(page, 'left', accepted.left.start, accepted.left.end))! < leftView) {
    await page.getByTestId('pane-scroll-left').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    direction = 'up';
  }
  const marker = page.getByTestId('link-marker');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute('data-side', 'left');
  await expect(marker).toHaveAttribute('data-direction', direction);
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'compare-link-marker-light.png') });
  await marker.click();
  await expect(page.getByTestId('link-curve')).toHaveCount(1);
  await expect(marker).toHaveCount(0);
  await page.screenshot({ path: join(shots, 'compare-link-curve-light.png') });

  // After a restart: the link is still there, the rejected suggestion still hidden.
  await host.stop();
  const again = await startHostProcess(host.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    await startCompare(page);
    await expect(page.getByTestId('compare-bar')).toContainText('1 rejected earlier');
    const after = await callApi<Ready>(again, 'compareDocuments', { leftId: SOVIET, rightId: LONDON });
    expect(after.suggestions.some((s) => s.id === rejected.id)).toBe(false);
    expect(await storedAnnotations(again)).toHaveLength(1);
    // The accepted suggestion is not suggested again: it is a link now.
    await expect(page.locator(`.compare-badge[data-suggestion-id="${before.suggestions[0]!.id}"]`)).toHaveCount(0);
  } finally {
    await again.stop();
  }
});

test('aligned scrolling keeps corresponding passages level, whichever pane is scrolled', async ({ page, host, openApp }) => {
  // A short window, so both texts scroll.
  await page.setViewportSize({ width: 1200, height: 560 });
  const { suggestions } = await suggestionsOf(host);
  await openApp();
  await startCompare(page);
  await page.keyboard.press('a');
  await expect(page.getByTestId('aligned-scrolling')).toHaveAttribute('aria-pressed', 'true');
  // The strongest suggestion that guides alignment: in the monotone chain the page builds from the same pairs.
  const strong = suggestions.filter((s) => s.score >= 0.5);
  const guides = strong.length >= 5 ? strong : suggestions.slice(0, 5);
  const chain = monotoneAnchors(guides.map((s) => ({ left: s.left.start, right: s.right.start, weight: s.score })));
  const anchor = guides.filter((s) => chain.some((c) => c.left === s.left.start && c.right === s.right.start)).sort((a, b) => b.score - a.score)[0]!;

  for (const driver of ['left', 'right'] as const) {
    const partner = driver === 'left' ? 'right' : 'left';
    const view = await page.getByTestId(`pane-scroll-${driver}`).evaluate((el) => el.clientHeight);
    const line = Math.min(view, await page.getByTestId(`pane-scroll-${partner}`).evaluate((el) => el.clientHeight)) * 0.3;
    const top = (await passageTop(page, driver, anchor[driver].start, anchor[driver].end))!;
    // Scroll the driver in small steps, as a wheel would, until its passage sits on the reading line.
    const distance = top - line;
    for (let i = 1; i <= 5; i++) {
      await page.getByTestId(`pane-scroll-${driver}`).evaluate((el, delta) => (el.scrollTop += delta), distance / 5);
      await page.waitForTimeout(40);
    }
    await expect.poll(async () => Math.abs((await passageTop(page, driver, anchor[driver].start, anchor[driver].end))! - line), { timeout: 3000 }).toBeLessThan(4);
    await expect
      .poll(async () => Math.abs((await passageTop(page, partner, anchor[partner].start, anchor[partner].end))! - (await passageTop(page, driver, anchor[driver].start, anchor[driver].end))!), { timeout: 3000 })
      .toBeLessThan(12);
  }
  // Steady: no echo keeps the panes moving once the reader stops.
  const still = async () => page.evaluate(() => ['left', 'right'].map((side) => document.querySelector(`[data-testid="pane-scroll-${side}"]`)!.scrollTop));
  const first = await still();
  await page.waitForTimeout(300);
  expect(await still()).toEqual(first);
});

test('related passages for a selection are listed, and one is shown in the other pane with a flash', async ({ page, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', 'the Soviets’ overtures to the British and French', ARTICLE);
  await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Related in the other text' }).click();
  const card = page.getByTestId('related-passages');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toContainText('London');
  const items = card.getByTestId('related-item');
  await expect(items.first()).toBeVisible({ timeout: 10_000 });
  const flashed = await watchFlash(page, 'right');
  await items.first().click();
  await expect.poll(flashed).toMatchObject({ visible: true });
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});

function textlessPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A5' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.rect(60, 60, 200, 120).fill('#886644');
    doc.end();
  });
}

test('nothing to compare says why and never freezes: the same text, a blank text, a PDF without text, very different sizes', async ({ page, host, openApp }) => {
  test.setTimeout(90_000);
  const blank = await importFile(host, 'blank.txt', ' \n\n \n').catch(() => null);
  const pdf = await importFile(host, 'scan.pdf', await textlessPdf()).catch(() => null);
  const big = await importFile(host, 'long.txt', bigText([ARTICLE], 400_000));
  await openApp();

  // The same document in both panes.
  await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption({ label: 'The Soviet Overtures of 1939' });
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
  await startCompare(page, 'nothing');
  await expect(page.getByTestId('compare-status')).toContainText('a text corresponds to itself');
  await expect(page.getByTestId('compare-badge')).toHaveCount(0);

  for (const [answer, expected] of [
    [blank, /is empty, so there is nothing to compare/],
    [pdf, /PDF without a text layer/],
  ] as const) {
    if (answer?.status !== 'imported') continue;
    await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption(answer.document.id);
    await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'nothing', { timeout: 20_000 });
    await expect(page.getByTestId('compare-status')).toContainText(expected);
  }

  // A long text against a short one: an answer with a remark, and the window answers while the host works.
  expect(big.status).toBe('imported');
  if (big.status !== 'imported') return;
  await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption(LONDON);
  await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption(big.document.id);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(page.getByTestId('compare-bar')).toContainText('times as long');
  await showInPane(host, 'left', SOVIET);
});

test('compare is a layer over reading: a highlight and a note are made while the bands stay', async ({ page, host, openApp }) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  await openApp();
  await startCompare(page);
  const bands = await page.getByTestId('compare-badge').count();
  expect(bands).toBeGreaterThan(0);

  await selectQuote(page, 'left', 'sent a junior representative', ARTICLE);
  await page.keyboard.press('2');
  await expect.poll(async () => (await storedAnnotations(host)).filter((a) => a.motivation === 'highlighting' && a['diptych:colour'] === 'green').length).toBe(1);
  await selectQuote(page, 'left', 'the Soviets insisted on full military discussions', ARTICLE);
  await page.keyboard.press('n');
  await page.keyboard.type('Who went to Moscow, and how.');
  await expect.poll(async () => (await storedAnnotations(host)).some((a) => a.motivation === 'commenting' && a.body.some((b) => b.value === 'Who went to Moscow, and how.'))).toBe(true);

  // Still comparing, with the same suggestions.
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('compare-badge')).toHaveCount(bands);
});

for (const theme of ['light', 'dark'] as const) {
  test(`compare mode with a link curve and a suggestion's card, in the ${theme} theme: no serious accessibility violations`, async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1400, height: 860 });
    await openApp();
    if (theme === 'dark') {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByRole('radio', { name: 'Dark' }).click();
      await page.keyboard.press('Escape');
    }
    await startCompare(page);
    // One suggestion accepted, so a link curve is drawn too; then the next one's card.
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('link-curve')).toHaveCount(1);
    await page.keyboard.press('j');
    await expect(page.getByTestId('compare-popover')).toBeVisible();
    // Past the card's brief fade-in, so its colours are measured as shown.
    await page.waitForTimeout(250);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
