#!/usr/bin/env node
// Builds the bundled chronology PDF from its source:
//   node scripts/build-chronology-pdf.mjs            writes documents/chronology-1939.pdf
//   node scripts/build-chronology-pdf.mjs --out F    writes F instead
//   node scripts/build-chronology-pdf.mjs --check    exits 1 if the committed PDF is not what the source gives
//
// The source is a small subset of Markdown: "# " title, "## " section (each
// one after the first starts a new page and gets a bookmark), "### "
// subsection (a nested bookmark), "- " bullets, paragraphs separated by blank
// lines, and **bold** runs. The output is the same bytes on every run and
// every machine: fixed creation date (pdfkit also derives the file ID from
// it), uncompressed streams (no dependence on the zlib version), and the
// standard PDF fonts, which are not embedded.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(root, 'documents/chronology-1939.source.md');
const OUTPUT = join(root, 'documents/chronology-1939.pdf');
const CREATED = new Date(Date.UTC(2025, 0, 1));

const BODY_SIZE = 11.5;
const LINE_GAP = 3;
const BULLET_INDENT = 16;
const FOOTER_SIZE = 9;
const INK = '#1f2328';
const MUTED = '#57606a';

// The 14 standard fonts encode text as WinAnsi; anything else needs an embedded font.
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const isWinAnsi = (text) => [...text].every((c) => (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || WIN_ANSI_EXTRAS.includes(c));

const STANDARD_FONTS = { body: 'Times-Roman', bold: 'Times-Bold', heading: 'Helvetica-Bold', footer: 'Helvetica' };
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const DEJAVU_FONTS = {
  body: `${DEJAVU}/DejaVuSerif.ttf`,
  bold: `${DEJAVU}/DejaVuSerif-Bold.ttf`,
  heading: `${DEJAVU}/DejaVuSans-Bold.ttf`,
  footer: `${DEJAVU}/DejaVuSans.ttf`,
};

/** Splits the source into blocks: { kind: 'title' | 'section' | 'subsection' | 'paragraph' | 'bullet', text }. */
export function parseSource(source) {
  const blocks = [];
  let paragraph = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trim();
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (line === '') endParagraph();
    else if (heading) {
      endParagraph();
      blocks.push({ kind: ['title', 'section', 'subsection'][heading[1].length - 1], text: heading[2].trim() });
    } else if (line.startsWith('- ')) {
      endParagraph();
      blocks.push({ kind: 'bullet', text: line.slice(2).trim() });
    } else if (blocks.at(-1)?.kind === 'bullet' && paragraph.length === 0 && rawLine.startsWith('  ')) {
      blocks.at(-1).text += ` ${line}`; // a bullet's continuation line
    } else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

/** "**Lead.** rest" → [{ bold: true, text: 'Lead.' }, { bold: false, text: ' rest' }]. */
function runs(text) {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('**') ? { bold: true, text: part.slice(2, -2) } : { bold: false, text: part }));
}

const plain = (text) => runs(text).map((run) => run.text).join('');

/** Writes rich text at (x, y) in a column `width` wide; pdfkit wraps it and flows it onto a new page if needed. */
function writeRuns(doc, fonts, text, x, y, width) {
  const parts = runs(text);
  parts.forEach((run, index) => {
    doc.font(run.bold ? fonts.bold : fonts.body).fontSize(BODY_SIZE);
    const options = { width, lineGap: LINE_GAP, continued: index < parts.length - 1 };
    if (index === 0) doc.text(run.text, x, y, options);
    else doc.text(run.text, options);
  });
}

/** Starts a new page when `height` points no longer fit above the bottom margin. */
function keepTogether(doc, height) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Builds the PDF of `source` and resolves to its bytes. */
export function buildChronologyPdf(source) {
  const blocks = parseSource(source);
  const title = blocks.find((block) => block.kind === 'title')?.text;
  if (!title) throw new Error('the source has no "# " title');
  const fonts = isWinAnsi(blocks.map((block) => block.text).join('')) ? STANDARD_FONTS : DEJAVU_FONTS;
  if (fonts === DEJAVU_FONTS && !existsSync(fonts.body)) throw new Error(`the source needs DejaVu fonts (fonts-dejavu-core): ${fonts.body} is missing`);
  const lead = blocks.find((block) => block.kind === 'paragraph');

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    bufferPages: true,
    compress: false,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: 'The Diptych developers', Subject: lead ? plain(lead.text) : title, Creator: 'Diptych', CreationDate: CREATED },
  });
  const chunks = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  let sections = 0;
  let section = doc.outline;

  /** A bookmark to the top of the current page (pdfkit counts `left` back from the page width and `top` down from its top). */
  const bookmark = (parent, text) => parent.addItem(text, { left: doc.page.width, top: Math.max(0, doc.y - 12) });

  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        doc.font(fonts.heading).fontSize(20).fillColor(INK).text(block.text, left, doc.y, { width, lineGap: 4 });
        doc.moveDown(0.6);
        break;
      case 'section':
        if (sections++ > 0) doc.addPage();
        else keepTogether(doc, 80);
        section = bookmark(doc.outline, block.text);
        doc.font(fonts.heading).fontSize(15).fillColor(INK).text(block.text, left, doc.y, { width });
        doc.moveDown(0.6);
        break;
      case 'subsection':
        doc.moveDown(0.4);
        keepTogether(doc, 60);
        bookmark(section, block.text);
        doc.font(fonts.heading).fontSize(12).fillColor(INK).text(block.text, left, doc.y, { width });
        doc.moveDown(0.4);
        break;
      case 'paragraph':
        doc.font(fonts.body).fontSize(BODY_SIZE);
        keepTogether(doc, doc.heightOfString(plain(block.text), { width, lineGap: LINE_GAP }) > 120 ? 40 : doc.heightOfString(plain(block.text), { width, lineGap: LINE_GAP }));
        doc.fillColor(INK);
        writeRuns(doc, fonts, block.text, left, doc.y, width);
        doc.moveDown(0.6);
        break;
      case 'bullet': {
        doc.font(fonts.body).fontSize(BODY_SIZE);
        // A bullet is never split across pages, so its dot stays with its text.
        keepTogether(doc, doc.heightOfString(plain(block.text), { width: width - BULLET_INDENT, lineGap: LINE_GAP }));
        const top = doc.y;
        doc.circle(left + 4, top + BODY_SIZE * 0.45, 1.8).fill(INK);
        writeRuns(doc, fonts, block.text, left + BULLET_INDENT, top, width - BULLET_INDENT);
        doc.moveDown(0.45);
        break;
      }
    }
  }

  // Page numbers, once the page count is known.
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise open a new page
    doc.font(fonts.footer).fontSize(FOOTER_SIZE).fillColor(MUTED);
    doc.text(`Page ${index + 1} of ${count}`, left, doc.page.height - 48, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}

async function main(args) {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : OUTPUT;
  if (!out) throw new Error('--out needs a file name');
  const bytes = await buildChronologyPdf(readFileSync(SOURCE, 'utf8'));
  if (args.includes('--check')) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT) : undefined;
    if (!current?.equals(bytes)) {
      console.error(`${relative(root, OUTPUT)} is out of date: run node scripts/build-chronology-pdf.mjs`);
      process.exit(1);
    }
    console.log(`${relative(root, OUTPUT)} is up to date.`);
    return;
  }
  writeFileSync(out, bytes);
  console.log(`Wrote ${relative(process.cwd(), out) || out} (${bytes.length} bytes).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`Building the chronology PDF failed: ${error.message}`);
    process.exit(1);
  });
}
