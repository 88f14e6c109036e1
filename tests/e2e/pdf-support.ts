/**
 * Helpers for the PDF end-to-end specs: putting a PDF in a pane, importing
 * generated PDFs over HTTP as the renderer does (raw bytes, the other
 * fields in a header), selecting offsets in a PDF's text layers, and
 * finding what is drawn on its pages.
 */
import { expect, type Page } from '@playwright/test';
import { makePdf, writeLines } from '../support/pdf-fixtures';
import { callApi } from './support/api';
import type { HostProcess } from './support/host';
import type { Side } from './annotations-support';

export const CHRONOLOGY = 'chronology-1939';

/** A PDF page as getDocumentText reports it. */
export interface PageSpan {
  pageNumber: number;
  start: number;
  end: number;
}

/** The text and pages the library extracted from a PDF. */
export function pdfText(host: HostProcess, id: string): Promise<{ text: string; pages: PageSpan[] }> {
  return callApi(host, 'getDocumentText', { id });
}

/** Shows `documentId` in a pane at the next page load (the layout is what the app opens with). */
export async function showInPane(host: HostProcess, side: Side, documentId: string, position = 0): Promise<void> {
  const session = await callApi<{ layout: Record<string, unknown> }>(host, 'getSession');
  await callApi(host, 'saveLayout', { layout: { ...session.layout, [side]: { documentId, position } } });
}

/** Imports a file as the renderer does over HTTP: the bytes as the body, the other fields URI-encoded in X-Diptych-Input. */
export async function importFile(host: HostProcess, fileName: string, bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<{ ok: boolean; value?: { status: string; document: { id: string; title: string } }; error?: { code: string; message: string } }> {
  const response = await fetch(`${host.origin}/api/importDocument`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Diptych-Token': host.token,
      'X-Diptych-Input': encodeURIComponent(JSON.stringify({ fileName, ...extra })),
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return (await response.json()) as Awaited<ReturnType<typeof importFile>>;
}

/** Imports a PDF and returns its document id, or throws with the host's message. */
export async function importPdf(host: HostProcess, fileName: string, bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await importFile(host, fileName, bytes, extra);
  if (!result.ok || !result.value) throw new Error(`importDocument failed: ${result.error?.message}`);
  return result.value.document.id;
}

/** The first page's line with a web link, and a line with a link to the last page. */
export const LINK_LINES = ['Links inside a PDF', 'Read the archive on the web.', 'Go to the last page.'] as const;
export const WEB_LINK = 'https://archive.example.org/talks-1939';

/** Three pages: a web link and an internal link (to a named destination on page 3) on the first. */
export function linkedPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    writeLines(doc, LINK_LINES);
    doc.link(72, 90 + 18 - 2, 200, 16, WEB_LINK);
    doc.goTo(72, 90 + 36 - 2, 200, 16, 'last-page');
    doc.addPage();
    writeLines(doc, ['The second page.']);
    doc.addPage();
    doc.addNamedDestination('last-page');
    writeLines(doc, ['The last page, where the internal link leads.']);
  });
}

/** Selects document offsets [start, end) in a PDF pane's text layers with a real DOM selection. */
export async function selectPdfOffsets(page: Page, side: Side, start: number, end: number): Promise<void> {
  await page.evaluate(
    ({ side, start, end }) => {
      const spans = [...document.querySelectorAll<HTMLElement>(`[data-testid="pane-text-${side}"] [data-offset]`)].filter((s) => s.firstChild);
      const point = (offset: number, isEnd: boolean): [Node, number] => {
        for (const span of spans) {
          const from = Number(span.dataset.offset);
          const to = from + (span.textContent?.length ?? 0);
          if (offset >= from && (isEnd ? offset <= to : offset < to)) return [span.firstChild!, offset - from];
        }
        throw new Error(`offset ${offset} is not in a drawn text layer of the ${side} pane`);
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

/** Waits until the text layer of page `pageNumber` is drawn in a pane, scrolling it into view first. */
export async function showPage(page: Page, side: Side, pageNumber: number): Promise<void> {
  const input = page.getByTestId(`pdf-page-input-${side}`);
  await input.fill(String(pageNumber));
  await input.press('Enter');
  await page.locator(`[data-testid="pane-text-${side}"] .pdf-page[data-page-number="${pageNumber}"][data-text-ready="true"]`).waitFor();
  // Going to a page gives the keyboard back to the pages, where single-key shortcuts work.
  await expect(page.getByTestId(`pane-scroll-${side}`)).toBeFocused();
}

/** Where `quote` first occurs in a PDF's text, a space in it matching the line break a PDF line ends with. */
export function findInPdfText(text: string, quote: string): { start: number; end: number } {
  const pattern = new RegExp(quote.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\n]'));
  const found = pattern.exec(text);
  if (!found) throw new Error(`"${quote}" is not in the PDF's text`);
  return { start: found.index, end: found.index + found[0].length };
}

/** Selects the first occurrence of `quote` in a PDF's text, after bringing its page into view. */
export async function selectPdfQuote(page: Page, side: Side, quote: string, doc: { text: string; pages: PageSpan[] }): Promise<{ start: number; end: number }> {
  const { start, end } = findInPdfText(doc.text, quote);
  const pageNumber = doc.pages.find((p) => p.start <= start && start < p.end)!.pageNumber;
  await showPage(page, side, pageNumber);
  await selectPdfOffsets(page, side, start, end);
  return { start, end };
}

/** Clicks the middle of the first drawn mark of an annotation (marks lie under the text layer, so by position). */
export async function clickMark(page: Page, side: Side, selector: string): Promise<void> {
  const mark = page.locator(`[data-testid="pane-text-${side}"] ${selector}`).first();
  await mark.scrollIntoViewIfNeeded();
  const box = (await mark.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
