// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../electron/library/pdf';
import { severalPagesPdf } from '../../support/pdf-fixtures';

describe('loading pdf.js in the host', () => {
  it("leaves Node's own JSON.stringify and JSON.parse in place (the legacy build's polyfills are ~100× slower)", async () => {
    const { stringify, parse } = JSON;
    await extractPdfText(await severalPagesPdf());
    expect(JSON.stringify).toBe(stringify);
    expect(JSON.parse).toBe(parse);
    expect(JSON.stringify.toString()).toContain('[native code]');
  });
});
