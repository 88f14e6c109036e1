// @vitest-environment node
/**
 * Compare runs in a worker thread: while two long texts are being matched,
 * the library keeps answering other calls (in the hosts, the renderer's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../electron/library/library-service';
import { tempDir } from '../../support/paths';
import { openCompareLibrary } from '../../support/compare-engine';
import { generatedText } from '../search/generated-library';

let service: LibraryService;

beforeAll(async () => {
  service = await openCompareLibrary(await tempDir('diptych-compare-busy-'));
}, 120_000);

afterAll(async () => {
  await service?.close();
});

describe('compare in the background', () => {
  it('keeps answering other calls while it matches two long texts', async () => {
    const left = await service.addTextDocument({ title: 'Long left', text: generatedText(1, 600_000) });
    const right = await service.addTextDocument({ title: 'Long right', text: generatedText(2, 600_000) });
    let comparing = true;
    const compared = service.compareDocuments({ leftId: left.id, rightId: right.id }).finally(() => (comparing = false));
    const answeredWhileComparing: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      await service.getAppInfo();
      await service.listDocuments();
      answeredWhileComparing.push(comparing);
    }
    const result = await compared;
    expect(result.status).toBe('ready');
    // Every call answered before the comparison finished: nothing waited for it.
    expect(answeredWhileComparing).toEqual([true, true, true, true, true]);
  }, 60_000);
});
