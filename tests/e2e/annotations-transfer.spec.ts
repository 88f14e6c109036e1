import { readFileSync } from 'node:fs';
import { ARTICLE, SCENARIO, selectQuote, statusMessage, storedAnnotations } from './annotations-support';
import { callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { newDataDir, startHostProcess } from './support/host';

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

test('a W3C export imported into a fresh, empty library gives back the same annotations', async ({ page, host, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', 'Or so popular Western history goes.', ARTICLE);
  await page.keyboard.press('4');
  await selectQuote(page, 'right', 'Time is pressing, and Berlin is watching.', SCENARIO);
  await page.keyboard.press('n');
  await page.getByTestId('note-field').fill('# Pressure\n\nBerlin is the clock.');
  await page.getByTestId('pane-scroll-left').focus();
  await selectQuote(page, 'left', 'Soviets’ Plan for Revolution', ARTICLE);
  await page.keyboard.press('l');
  await selectQuote(page, 'right', 'The dilemma is clear for London.', SCENARIO);
  await page.keyboard.press('l');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const original = await storedAnnotations(host);
  expect(original).toHaveLength(3);

  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(page.getByTestId('annotation-row')).toHaveCount(4);
  await page.getByLabel('Format').selectOption('w3c');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.jsonld$/);
  const exported = readFileSync(await download.path());
  await expect(statusMessage(page)).toContainText(`Exported ${download.suggestedFilename()}`);

  // One document's annotations in Markdown: one file, for reading.
  await page.getByLabel('Annotations of').selectOption({ label: "London's Dilemma, Summer 1939" });
  await page.getByLabel('Format').selectOption('markdown');
  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  expect(readFileSync(await markdown.path(), 'utf8')).toContain('Berlin is the clock.');

  const fresh = await startHostProcess(await newDataDir());
  try {
    expect(await storedAnnotations(fresh)).toEqual([]);
    await page.goto(fresh.url);
    await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    // Another host is another origin, which has not remembered the panel as open.
    await page.getByRole('button', { name: 'Toggle notes panel' }).click();
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'diptych.jsonld', mimeType: 'application/ld+json', buffer: exported });
    await expect(statusMessage(page)).toContainText('Imported: 3 annotations added, 0 replaced. An import cannot be undone');
    expect(byId(await storedAnnotations(fresh))).toEqual(byId(original));
    await expect(page.getByTestId('annotation-row')).toHaveCount(4);
    await expect(page.getByTestId('pane-text-left').locator('mark.anno[data-colour="pink"]')).toHaveText(['Or so popular Western history goes.']);
  } finally {
    await fresh.stop();
  }
});

test('a malformed import file is refused with the host’s reason and changes nothing', async ({ page, host, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', 'Or so popular Western history goes.', ARTICLE);
  await page.keyboard.press('1');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const before = await storedAnnotations(host);
  await page.getByRole('button', { name: 'Toggle notes panel' }).click();
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"type": "AnnotationCollection", "first": ') });
  await expect(statusMessage(page)).toContainText('Nothing was imported from broken.jsonld:');
  await expect(page.getByTestId('transfer-result')).toContainText('Nothing was imported from broken.jsonld:');
  expect(await storedAnnotations(host)).toEqual(before);
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);
});

test('an orphaned annotation is listed apart with its quote and re-attached to the selection', async ({ page, host, openApp }) => {
  const text = 'The quick brown fox jumps over the lazy dog.\n\nA second paragraph, for good measure.\n';
  const added = await callApi<{ id: string }>(host, 'addTextDocument', { title: 'Fox and dog', text });
  const passage = (exact: string, start: number) => ({
    type: 'SpecificResource',
    source: `urn:diptych:document:${added.id}`,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ],
  });
  const stamp = '2026-11-25T10:00:00.000Z';
  const orphan = { id: 'urn:uuid:0b1d2e3f-4a5b-4c6d-8e7f-0000000000aa', type: 'Annotation', motivation: 'highlighting', created: stamp, modified: stamp, body: [], target: [passage('a slow grey cat sleeps', 4)], 'diptych:colour': 'blue' };
  const anchored = { ...orphan, id: 'urn:uuid:0b1d2e3f-4a5b-4c6d-8e7f-0000000000ab', target: [passage('second paragraph', 48)], 'diptych:colour': 'green' };
  await callApi(host, 'putAnnotation', { annotation: orphan });
  await callApi(host, 'putAnnotation', { annotation: anchored });

  await openApp();
  await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption(added.id);
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Toggle notes panel' }).click();
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const orphans = page.getByTestId('orphan-item');
  await expect(orphans).toHaveCount(1);
  await expect(orphans).toContainText('a slow grey cat sleeps');
  await expect(orphans).toContainText('not found');
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);
  await expect(page.getByTestId('pane-text-left').locator('mark.anno')).toHaveText(['second paragraph']);

  await selectQuote(page, 'left', 'quick brown fox', text);
  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(orphans).toHaveCount(0);
  await expect(page.getByTestId('pane-text-left').locator('mark.anno[data-colour="blue"]')).toHaveText(['quick brown fox']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = (await storedAnnotations(host)).find((a) => a.id === orphan.id)!;
  expect(JSON.stringify(stored.target)).toContain('"exact":"quick brown fox","prefix":"The ","suffix":" jumps over the lazy dog.');

  // The re-attachment is undoable like any change.
  await page.keyboard.press('Control+z');
  await expect(orphans).toHaveCount(1);
});
