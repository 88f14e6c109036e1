/**
 * PDFs made in memory with pdfkit for the PDF tests and benches, each with
 * the text it is known to hold. Lines are placed one by one (no wrapping),
 * so the expected page text is simply the lines joined by "\n" (see
 * docs/PDF-TEXT.md). Every document gets the same CreationDate, which is
 * also what pdfkit derives the file ID from, so the bytes are the same on
 * every run (except for encrypted files, whose keys are random).
 *
 * Non-Latin text needs DejaVu Sans (Debian/Ubuntu package fonts-dejavu-core);
 * the CJK fixture needs Noto Sans CJK (fonts-noto-cjk) and is skipped
 * without it.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Every fixture's creation date: fixed, for identical bytes. */
export const FIXTURE_DATE = new Date(Date.UTC(2024, 0, 1));
export const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const NOTO_SANS_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face inside the Noto collection used for CJK text. */
const NOTO_SANS_CJK_FACE = 'NotoSansCJKjp-Regular';

type Doc = PDFKit.PDFDocument;

/** Runs `draw` on a new A4 document and returns the finished file. */
export function makePdf(draw: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options, info: { CreationDate: FIXTURE_DATE, ...options.info } });
  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return finished;
}

/** Writes each line at its own baseline, top to bottom, without wrapping. */
export function writeLines(doc: Doc, lines: readonly string[], { x = 72, y = 90, leading = 18 } = {}): void {
  lines.forEach((line, index) => doc.text(line, x, y + index * leading, { lineBreak: false }));
}

/** Sets the current page's /Rotate (pdfkit has no option for it). */
function rotatePage(doc: Doc, degrees: number): void {
  (doc.page.dictionary.data as { Rotate?: number }).Rotate = degrees;
}

/** Draws one page per entry of `pages`, each a list of lines. */
function linePages(doc: Doc, pages: readonly (readonly string[])[]): void {
  pages.forEach((lines, index) => {
    if (index > 0) doc.addPage();
    writeLines(doc, lines);
  });
}

/** The lines of severalPagesPdf, page by page. */
export const SEVERAL_PAGES: readonly (readonly string[])[] = [
  [
    'A chronology of the talks of 1939',
    'In March, Stalin warned against pulling chestnuts out of the fire.',
    'Britain and France then opened talks with the Soviet Union.',
  ],
  ['In May, Molotov replaced Litvinov at the Foreign Commissariat.', 'Passage through Poland was never agreed.'],
  ['On 23 August the German-Soviet pact was signed in Moscow.'],
];

/** Three pages of plain Helvetica lines (SEVERAL_PAGES). */
export function severalPagesPdf(pages: readonly (readonly string[])[] = SEVERAL_PAGES): Promise<Uint8Array> {
  return makePdf((doc) => linePages(doc, pages));
}

/** The two columns of twoColumnPdf: each one sentence pair, broken into short lines. */
export const LEFT_COLUMN = ['The Soviets asked for a', 'military alliance of three', 'powers. Britain hesitated.'] as const;
export const RIGHT_COLUMN = ['The French leaned towards', 'an agreement. London set', 'the pace of the talks.'] as const;

/** One page with two columns side by side, the left one written first, and a heading above both. */
export function twoColumnPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    writeLines(doc, ['Two columns'], { y: 60 });
    writeLines(doc, LEFT_COLUMN, { x: 72, y: 100 });
    writeLines(doc, RIGHT_COLUMN, { x: 320, y: 100 });
  });
}

/** The lines of rotatedPagesPdf: upright, /Rotate 90, /Rotate 270 on a landscape page, and text turned by a transform. */
export const ROTATED_PAGES: readonly (readonly string[])[] = [
  ['An upright page.'],
  ['A page shown turned a quarter clockwise.', 'Its text is extracted all the same.'],
  ['A landscape page turned back by 270 degrees.'],
  ['A line written sideways.', 'And another beside it.'],
];

/** Four pages whose text is turned in different ways (ROTATED_PAGES). */
export function rotatedPagesPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    writeLines(doc, ROTATED_PAGES[0]!);
    doc.addPage();
    rotatePage(doc, 90);
    writeLines(doc, ROTATED_PAGES[1]!);
    doc.addPage({ size: 'A4', layout: 'landscape' });
    rotatePage(doc, 270);
    writeLines(doc, ROTATED_PAGES[2]!);
    doc.addPage();
    doc.save();
    doc.rotate(-90, { origin: [100, 500] });
    writeLines(doc, ROTATED_PAGES[3]!, { x: 100, y: 500 });
    doc.restore();
  });
}

/** Cyrillic, Greek and accented Latin, one line each. */
export const NON_LATIN_LINES = [
  'Пакт Молотова — Риббентропа подписан 23 августа.',
  'Οι συνομιλίες της Μόσχας απέτυχαν τον Αύγουστο.',
  'Paul-Émile Naggiar, Łódź, Straße, Ørsted: “quoted” – dashed.',
] as const;

/** NON_LATIN_LINES in DejaVu Sans (embedded and subset, with a ToUnicode map). */
export function nonLatinPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    doc.font(DEJAVU_SANS);
    writeLines(doc, NON_LATIN_LINES);
  });
}

/** Japanese and Chinese lines. */
export const CJK_LINES = ['一九三九年八月、モスクワ会談。', '莫斯科谈判没有结果。'] as const;

/** Whether the CJK font is installed here. */
export const hasCjkFont = existsSync(NOTO_SANS_CJK);

/** CJK_LINES in Noto Sans CJK; only where hasCjkFont. */
export function cjkPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    doc.font(NOTO_SANS_CJK, NOTO_SANS_CJK_FACE);
    writeLines(doc, CJK_LINES);
  });
}

/** A PDF with a Title in its Info dictionary and an outline entry per page. */
export const OUTLINED_TITLE = 'The Moscow talks, March to August 1939';
export const OUTLINE_ENTRIES = ['March', 'April', 'August'] as const;

/** Three pages, each opened by an outline entry, with OUTLINED_TITLE as its title (surrounded by blanks, to be trimmed). */
export function outlinedPdf(): Promise<Uint8Array> {
  return makePdf(
    (doc) => {
      OUTLINE_ENTRIES.forEach((entry, index) => {
        if (index > 0) doc.addPage();
        doc.outline.addItem(entry);
        writeLines(doc, [entry, `Events of ${entry} 1939.`]);
      });
    },
    { info: { Title: `  ${OUTLINED_TITLE.replace(' to ', '\n to ')}  ` } },
  );
}

/** The user password of encryptedPdf. */
export const PDF_PASSWORD = 'chestnuts 1939';

/** SEVERAL_PAGES encrypted (AES-128) with a user password. */
export function encryptedPdf(password = PDF_PASSWORD): Promise<Uint8Array> {
  return makePdf((doc) => linePages(doc, SEVERAL_PAGES), { userPassword: password, ownerPassword: `${password} owner`, pdfVersion: '1.7' });
}

/** SEVERAL_PAGES encrypted with only an owner password: it opens without asking. */
export function ownerPasswordOnlyPdf(): Promise<Uint8Array> {
  return makePdf((doc) => linePages(doc, SEVERAL_PAGES), { ownerPassword: 'owner only', permissions: { modifying: false } });
}

/** A line of SEVERAL_PAGES with JavaScript run on opening and a named script: text only must come out. */
export function javascriptPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    writeLines(doc, SEVERAL_PAGES[0]!);
    doc.addNamedJavaScript('greet', 'app.alert("This must never run.");');
    const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
    const openAction = doc.ref({ Type: 'Action', S: 'JavaScript', JS: new String('app.alert("Nor this.");') });
    openAction.end(undefined);
    root.data.OpenAction = openAction;
  });
}

/** Files that are not readable PDFs, by the way they are broken. */
export async function damagedPdfs(): Promise<Record<'empty' | 'garbage' | 'garbageAfterHeader' | 'truncated', Uint8Array>> {
  const whole = await severalPagesPdf();
  const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
  return {
    empty: new Uint8Array(0),
    garbage: new TextEncoder().encode('This is a plain text file that someone renamed to .pdf.\n'.repeat(20)),
    garbageAfterHeader: new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise]),
    truncated: whole.slice(0, Math.floor(whole.length * 0.6)),
  };
}

/** The lines of page `pageNumber` of longPdf. */
export function longPdfPageLines(pageNumber: number, linesPerPage = 40): string[] {
  const words = ['alliance', 'guarantee', 'corridor', 'delegation', 'protocol', 'Moscow', 'London', 'Paris', 'Berlin', 'Warsaw'];
  return Array.from({ length: linesPerPage }, (_, line) => {
    const picked = Array.from({ length: 8 }, (_, w) => words[(pageNumber * 7 + line * 3 + w) % words.length]);
    return `Page ${pageNumber}, line ${line + 1}: ${picked.join(' ')}.`;
  });
}

/** A long PDF (500 pages by default) of numbered lines, for the benchmarks. */
export function longPdf(pageCount = 500, linesPerPage = 40): Promise<Uint8Array> {
  return makePdf((doc) => {
    doc.fontSize(10);
    for (let page = 1; page <= pageCount; page++) {
      if (page > 1) doc.addPage();
      writeLines(doc, longPdfPageLines(page, linesPerPage), { y: 60, leading: 17 });
    }
  });
}
