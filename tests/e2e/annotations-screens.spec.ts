import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ARTICLE, LONDON, SCENARIO, SOVIET, dragSelect } from './annotations-support';
import { callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { repoRoot, type HostProcess } from './support/host';

const shots = join(repoRoot, 'test-results', 'screenshots');

/** A passage target for `quote` in a document, described as the app describes selections. */
function passage(documentId: string, text: string, quote: string) {
  const start = text.indexOf(quote);
  const end = start + quote.length;
  return {
    type: 'SpecificResource',
    source: `urn:diptych:document:${documentId}`,
    selector: [
      { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

let counter = 0;
function annotation(motivation: string, target: unknown[], extra: Record<string, unknown> = {}) {
  counter += 1;
  const stamp = new Date(Date.UTC(2026, 10, 25, 9, counter)).toISOString();
  return { id: `urn:uuid:0b1d2e3f-4a5b-4c6d-8e7f-${String(counter).padStart(12, '0')}`, type: 'Annotation', motivation, created: stamp, modified: stamp, body: [], target, ...extra };
}

const markdown = (value: string) => ({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value });

async function seed(host: HostProcess): Promise<void> {
  const s = (quote: string) => passage(SOVIET, ARTICLE, quote);
  const l = (quote: string) => passage(LONDON, SCENARIO, quote);
  const items = [
    annotation('highlighting', [s('The nations could not have been more ideologically apart.')], { 'diptych:colour': 'yellow', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'ideology' }] }),
    annotation('highlighting', [s('could not have been')], { 'diptych:colour': 'pink' }),
    annotation('highlighting', [s('That mutual agreement seemingly caught the British and French off-guard')], { 'diptych:colour': 'green' }),
    annotation('highlighting', [s('stabbed in the back by Mother Russia')], { 'diptych:colour': 'purple' }),
    annotation('highlighting', [l('communism inspires a long-standing wariness in part of the ruling class')], { 'diptych:colour': 'blue' }),
    annotation('commenting', [l('The dilemma is clear for London.')], { body: [markdown('# London hesitates\n\nCompare the **Chestnut speech**: both sides wait.\n\n- distrust of Moscow\n- the guarantee to Poland\n\nSee [[Soviet motives]].')] }),
    annotation('commenting', ['urn:diptych:notebook'], { body: [markdown('# Soviet motives\n\nWhat did Moscow want from the talks?')] }),
    annotation('linking', [s('Or so popular Western history goes.'), l('Should London seek the Soviet alliance without reservation')], { body: [markdown('The popular story skips the question London actually faced.')] }),
  ];
  for (const item of items) await callApi(host, 'putAnnotation', { annotation: item });
}

async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  if (theme === 'light') return;
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('dialog').getByLabel('Dark').check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`panes with highlights, notes and links and the Notes panel, in the ${theme} theme: a screenshot and no serious accessibility violations`, async ({ page, host, openApp }) => {
    await seed(host);
    await openApp();
    await useTheme(page, theme);
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(shots, { recursive: true });

    await page.getByTestId('pane-text-right').locator('.anno-note').first().click();
    await expect(page.getByTestId('annotation-detail')).toContainText('London hesitates');
    await page.getByRole('button', { name: 'Preview' }).click();
    await dragSelect(page, 'left', 'the Soviet Union.', ARTICLE);
    await expect(page.getByRole('toolbar', { name: 'Annotate the selection' })).toBeVisible();
    await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Highlight blue' }).hover();
    await page.screenshot({ path: join(shots, `annotations-notes-${theme}.png`) });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('pane-text-left').locator('.anno-link').click();
    await expect(page.getByTestId('annotation-detail')).toContainText('Link');
    await page.screenshot({ path: join(shots, `annotations-link-${theme}.png`) });

    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(page.getByTestId('annotation-row')).not.toHaveCount(0);
    await page.screenshot({ path: join(shots, `annotations-list-${theme}.png`) });
    expect(await seriousViolations(page)).toEqual([]);
  });
}
