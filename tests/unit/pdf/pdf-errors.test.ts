import { describe, expect, it } from 'vitest';
import { extractPdfText, PdfError, toPdfError } from '../../../electron/library/pdf';
import { loadPdfjs } from '../../../electron/library/pdf/pdfjs-node';
import { damagedPdfs, encryptedPdf, javascriptPdf, ownerPasswordOnlyPdf, PDF_PASSWORD, SEVERAL_PAGES } from '../../support/pdf-fixtures';

/** The PdfError extractPdfText throws for `bytes`; fails the test when it succeeds or throws anything else. */
async function pdfErrorOf(bytes: Uint8Array, password?: string): Promise<PdfError> {
  const error = await extractPdfText(bytes, { password }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PdfError)) throw new Error(`expected a PdfError, got ${String(error)}`);
  return error;
}

describe('extractPdfText: passwords', () => {
  it('asks for the password of an encrypted PDF', async () => {
    const error = await pdfErrorOf(await encryptedPdf());
    expect(error.code).toBe('password-required');
    expect(error.message).toBe('This PDF is protected by a password. Enter the password to open it.');
  });

  it('takes an empty password as none', async () => {
    expect((await pdfErrorOf(await encryptedPdf(), '')).code).toBe('password-required');
  });

  it('says when the password is wrong', async () => {
    const error = await pdfErrorOf(await encryptedPdf(), 'chestnuts 1938');
    expect(error.code).toBe('password-incorrect');
    expect(error.message).toBe('That password does not open this PDF. Check it and try again.');
  });

  it('opens an encrypted PDF with the right password', async () => {
    const pdf = await extractPdfText(await encryptedPdf(), { password: PDF_PASSWORD });
    expect(pdf.text).toBe(SEVERAL_PAGES.map((lines) => lines.join('\n')).join('\n\n'));
  });

  it('opens a PDF with only an owner password without asking', async () => {
    expect((await extractPdfText(await ownerPasswordOnlyPdf())).pageCount).toBe(3);
  });
});

describe('extractPdfText: damaged files', () => {
  it.each(['empty', 'garbage', 'garbageAfterHeader', 'truncated'] as const)('refuses a %s file with a message a reader understands', async (kind) => {
    const error = await pdfErrorOf((await damagedPdfs())[kind]);
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/^This file is damaged or is not a PDF \(.+\)\.$/);
  });

  it('names an empty file as such', async () => {
    expect((await pdfErrorOf((await damagedPdfs()).empty)).message).toBe('This file is damaged or is not a PDF (the file is empty).');
  });
});

describe('extractPdfText: scripts in the PDF', () => {
  it('has a fixture whose scripts pdf.js does see', async () => {
    const pdfjs = await loadPdfjs();
    const document = await pdfjs.getDocument({ data: await javascriptPdf(), isEvalSupported: false }).promise;
    try {
      expect(await document.getJSActions()).toEqual({ greet: ['app.alert("This must never run.");'], OpenAction: ['app.alert("Nor this.");'] });
    } finally {
      await document.destroy();
    }
  });

  it('extracts the text of a PDF with JavaScript actions and runs none of them', async () => {
    const alerts: unknown[] = [];
    const globals = globalThis as { app?: unknown };
    globals.app = { alert: (message: unknown) => alerts.push(message) };
    try {
      const pdf = await extractPdfText(await javascriptPdf());
      expect(pdf.text).toBe(SEVERAL_PAGES[0]!.join('\n'));
      expect(alerts).toEqual([]);
    } finally {
      delete globals.app;
    }
  });
});

describe('toPdfError', () => {
  it('maps pdf.js password errors by name and code, and anything else to damaged', () => {
    expect(toPdfError({ name: 'PasswordException', code: 1, message: 'No password given' }).code).toBe('password-required');
    expect(toPdfError({ name: 'PasswordException', code: 2, message: 'Incorrect Password' }).code).toBe('password-incorrect');
    const damaged = toPdfError({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' });
    expect(damaged).toMatchObject({ code: 'damaged', detail: 'Invalid PDF structure.', message: 'This file is damaged or is not a PDF (Invalid PDF structure).' });
    expect(toPdfError(undefined).code).toBe('damaged');
  });

  it('passes a PdfError through unchanged', () => {
    const error = new PdfError('password-required');
    expect(toPdfError(error)).toBe(error);
  });
});
