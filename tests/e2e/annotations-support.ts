/**
 * Helpers for the annotation end-to-end specs: selecting passages the way
 * a reader does (a real DOM selection, or a mouse drag), and reading what
 * the host has on disk.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from './support/api';
import type { HostProcess } from './support/host';
import { repoRoot } from './support/host';

export type Side = 'left' | 'right';

export const SOVIET = 'soviet-overtures-1939';
export const LONDON = 'londons-dilemma-1939';

/** A bundled source text, decoded as the library decodes it. */
export function sourceText(file: '000_f1b498f6176dc71c.txt' | '001_50dbc8cc9f109cf8.txt'): string {
  return new TextDecoder().decode(readFileSync(join(repoRoot, 'documents', file)));
}

export const ARTICLE = sourceText('000_f1b498f6176dc71c.txt');
export const SCENARIO = sourceText('001_50dbc8cc9f109cf8.txt');

/**
 * Selects document offsets [start, end) in a pane with a real DOM
 * selection, mapping offsets to text nodes as text-offsets.ts does
 * (blocks carry their offsets; decoration markers are skipped).
 */
export async function selectOffsets(page: Page, side: Side, start: number, end: number): Promise<void> {
  await page.evaluate(
    ({ side, start, end }) => {
      const root = document.querySelector(`[data-testid="pane-text-${side}"]`)!;
      const blocks = [...root.querySelectorAll('[data-block-start]')];
      const point = (offset: number, isEnd: boolean): [Node, number] => {
        for (const block of blocks) {
          const from = Number(block.getAttribute('data-block-start'));
          const to = Number(block.getAttribute('data-block-end'));
          if (offset < from || offset > to || (!isEnd && offset === to && block !== blocks.at(-1))) continue;
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
            acceptNode: (node) => (node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).hasAttribute('data-offset-ignore') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP),
          });
          let before = from;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = (node as Text).length;
            if (isEnd ? offset <= before + length : offset < before + length) return [node, offset - before];
            before += length;
          }
        }
        throw new Error(`offset ${offset} is not rendered in the ${side} pane`);
      };
      const range = document.createRange();
      range.setStart(...point(start, false));
      range.setEnd(...point(end, true));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { side, start, end },
  );
}

/** Selects the first occurrence of `quote` in a pane's text. */
export async function selectQuote(page: Page, side: Side, quote: string, text: string): Promise<{ start: number; end: number }> {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  await selectOffsets(page, side, start, start + quote.length);
  return { start, end: start + quote.length };
}

/** Selects `quote` with a mouse drag from its first character to its last, as a reader would. */
export async function dragSelect(page: Page, side: Side, quote: string, text: string): Promise<{ start: number; end: number }> {
  const offsets = await selectQuote(page, side, quote, text);
  const rects = await page.evaluate(() => {
    const range = document.getSelection()!.getRangeAt(0);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const all = [...range.getClientRects()].filter((r) => r.width > 0);
    document.getSelection()!.removeAllRanges();
    const first = all[0]!;
    const last = all.at(-1)!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  });
  await page.mouse.move(rects.x1, rects.y1);
  await page.mouse.down();
  await page.mouse.move((rects.x1 + rects.x2) / 2, (rects.y1 + rects.y2) / 2, { steps: 4 });
  await page.mouse.move(rects.x2, rects.y2, { steps: 4 });
  await page.mouse.up();
  return offsets;
}

/** The annotations the host has (what is on disk). */
export function storedAnnotations(host: HostProcess): Promise<{ id: string; motivation: string; body: { purpose: string; value: string }[]; target: unknown[]; 'diptych:colour'?: string }[]> {
  return callApi(host, 'listAnnotations', {});
}

/** The text of the status message. */
export function statusMessage(page: Page) {
  return page.getByTestId('status-message');
}

/** What was flashed in a pane since {@link watchFlash}: its text, whether it was inside the pane's view, and how it was drawn. */
export interface FlashSeen {
  text: string;
  visible: boolean;
  animation: string;
  outline: string;
}

/**
 * Starts recording the next flash in a pane. The flash is brief, so it is
 * caught by an observer the moment it appears rather than by polling.
 */
export async function watchFlash(page: Page, side: Side): Promise<() => Promise<FlashSeen | null>> {
  await page.evaluate((side) => {
    // The pane, not its text: the text is replaced when the pane opens another document.
    const pane = document.querySelector(`[data-testid="pane-${side}"]`)!;
    const record = window as unknown as { __flashSeen?: { text: string; visible: boolean; animation: string; outline: string } | null };
    record.__flashSeen = null;
    const check = () => {
      const flashed = [...pane.querySelectorAll('[data-flash]')];
      const scroller = pane.querySelector(`[data-testid="pane-scroll-${side}"]`);
      if (flashed.length === 0 || !scroller) return;
      const a = flashed[0]!.getBoundingClientRect();
      const z = flashed[flashed.length - 1]!.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      const style = getComputedStyle(flashed[0]!);
      const seen = {
        text: flashed.map((f) => f.textContent).join(''),
        visible: a.top >= view.top && z.bottom <= view.bottom,
        animation: style.animationName,
        outline: style.outlineStyle,
      };
      // Keep the best sighting: the scroll may still be settling when the flash first appears.
      if (!record.__flashSeen || (!record.__flashSeen.visible && seen.visible)) record.__flashSeen = seen;
    };
    new MutationObserver(check).observe(pane, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-flash'] });
    pane.addEventListener('scroll', check, { passive: true, capture: true });
  }, side);
  return () => page.evaluate(() => (window as unknown as { __flashSeen?: FlashSeen | null }).__flashSeen ?? null);
}
