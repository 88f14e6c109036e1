/**
 * Imported Markdown and HTML drawn with their structure, against the real
 * host: headings, lists, quotes, code, rules and links in the pane; a
 * highlight across a bold word and a link that survives a reload; hostile
 * HTML that imports without anything in it running; links that ask before
 * they open. And Ctrl+F: a find bar with a count and next/previous, in a
 * source text and in a virtualised 5 MB one. Screenshots of a rendered
 * Markdown document in the light and dark themes go to test-results/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ARTICLE, dragSelect, selectOffsets, storedAnnotations, type Side } from './annotations-support';
import { bigText, callApi, importFile } from './support/api';
import { expect, test } from './support/fixtures';
import { repoRoot, type HostProcess } from './support/host';

// Screenshots go with the test results; the user guide keeps chosen copies in docs/images.
const images = join(repoRoot, 'test-results', 'screenshots');

const MARKDOWN = `# The Summer of 1939

Through the spring and summer, London and Paris negotiated with Moscow for an alliance against Germany. The talks moved *slowly*, and each side suspected the other of **playing for time** — see the [Avalon Project](https://avalon.law.yale.edu/subject_menus/nazsov.asp) for the texts.

## Who sat at the table

- **Britain**: William Strang, then Admiral Drax
- **France**: General Doumenc
  - with instructions to *reach agreement*
  - but no written authority
- **The Soviet Union**: Molotov, then Voroshilov

## What each side wanted

1. Guarantees for the Baltic states
2. Passage for Soviet troops through Poland
3. A military convention signed with the political treaty

> We are not in a hurry. We do not want to be drawn into a war by others.
>
> — attributed to Stalin, March 1939

The British delegation travelled by slow steamer; their brief ran to a few pages and began:

\`\`\`
Go very slowly with the military conversations,
watching the progress of the political negotiations.

(Instructions to the British Military Mission, August 1939)
\`\`\`

---

By \`23 August\` the Molotov–Ribbentrop Pact was signed, and the talks were over. Write to [the archive](mailto:archive@example.org) for copies.
`;

const HOSTILE_HTML = `<!doctype html>
<html><head><title>A hostile page</title>
<script>alert('head script')</script>
<style>body { background: url(http://evil.example/bg.png) } p::after { content: url(http://evil.example/after.png) }</style>
<link rel="stylesheet" href="http://evil.example/x.css">
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<base href="http://evil.example/">
</head>
<body onload="alert('onload')">
<h1>A hostile page</h1>
<p>Text with <img src="http://evil.example/pixel.png" onerror="alert('img')"> an image and <b onmouseover="alert('hover')">bold words</b>.</p>
<p><a href="javascript:alert('js')">a javascript link</a>, <a href=" JaVaScRiPt:alert(1)">another one</a>, <a href="data:text/html,<script>alert(1)</script>">a data link</a>, <a href="vbscript:msgbox(1)">a vbscript link</a> and <a href="https://example.org/safe">a safe link</a>.</p>
<iframe src="http://evil.example/frame" srcdoc="<script>alert('frame')</script>"></iframe>
<svg onload="alert('svg')"><script>alert('svg script')</script><a href="javascript:alert(2)"><text>svg link</text></a></svg>
<form action="http://evil.example/post"><input value="typed"><button formaction="javascript:alert(3)">Send</button></form>
<ul><li onclick="alert('li')">first item</li><li>second <a href="https://example.org/second">item</a></li></ul>
<object data="http://evil.example/x.swf"></object><embed src="http://evil.example/y.swf">
<noscript><img src="http://evil.example/noscript.png"></noscript>
<template><img src=x onerror="alert('template')"></template>
</body></html>`;

/** The document's text as the host serves it. */
async function documentText(host: HostProcess, id: string): Promise<string> {
  return (await callApi<{ text: string }>(host, 'getDocumentText', { id })).text;
}

async function importAndOpen(page: Page, host: HostProcess, fileName: string, content: string, side: Side = 'left') {
  const answer = await importFile(host, fileName, content);
  if (answer.status !== 'imported') throw new Error(`${fileName} was not imported: ${answer.status}`);
  const { document } = answer;
  const text = await documentText(host, document.id);
  return { document, text, open: () => openIn(page, side, document.id, document.title) };
}

async function openIn(page: Page, side: Side, id: string, title: string): Promise<void> {
  await page.getByRole('combobox', { name: `Document in ${side} pane` }).selectOption({ label: title });
  const pane = page.getByTestId(`pane-${side}`);
  await expect(pane).toHaveAttribute('data-document-id', id);
  await expect(pane).toHaveAttribute('data-ready', 'true');
}

async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('dialog').getByLabel(theme === 'dark' ? 'Dark' : 'Light').check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('a Markdown file renders with its headings, lists, quotes, code, rules and links, its text unchanged', async ({ page, host, openApp }) => {
  const md = await importAndOpen(page, host, 'summer-1939.md', MARKDOWN);
  await openApp();
  await md.open();
  const text = page.getByTestId('pane-text-left');
  expect(await text.textContent()).toBe(md.text);
  expect(md.text).not.toContain('•');

  await expect(text.getByRole('heading', { level: 1 })).toHaveText('The Summer of 1939');
  await expect(text.getByRole('heading', { level: 2 })).toHaveText(['Who sat at the table', 'What each side wanted']);
  const markers = await text.locator('.row-body[data-marker]').evaluateAll((items) =>
    items.map((item) => ({
      marker: item.getAttribute('data-marker'),
      drawn: getComputedStyle(item, '::before').content,
      indent: item.getBoundingClientRect().left,
      text: item.textContent?.trim(),
    })),
  );
  expect(markers.map((m) => m.marker)).toEqual(['•', '•', '◦', '◦', '•', '1.', '2.', '3.']);
  expect(markers[0]!.drawn).toBe('"•"');
  expect(markers[2]!.indent).toBeGreaterThan(markers[1]!.indent + 10);
  expect(markers[5]!.text).toBe('Guarantees for the Baltic states');

  await expect(text.locator('strong')).toContainText(['playing for time', 'Britain', 'France', 'The Soviet Union']);
  await expect(text.locator('em').first()).toHaveText('slowly');
  await expect(text.locator('a.doc-link')).toHaveText(['Avalon Project', 'the archive']);
  await expect(text.getByRole('link', { name: 'Avalon Project' })).toHaveAttribute('title', 'https://avalon.law.yale.edu/subject_menus/nazsov.asp');
  // Nothing the browser could follow by itself.
  await expect(text.locator('[href]')).toHaveCount(0);
  const code = text.locator('.row-body[data-kind="code-block"]').first();
  expect(await code.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  expect(await code.evaluate((el) => getComputedStyle(el.querySelector('.block-content')!).whiteSpace)).toBe('pre-wrap');
  await expect(text.locator('.row-body[data-quote]').first()).toContainText('We are not in a hurry.');
  await expect(text.getByRole('separator')).toHaveCount(1);
  await expect(text.locator('code.doc-code')).toHaveText(['23 August']);

  // No serious accessibility problems in the rendered document.
  const results = await new AxeBuilder({ page }).include('[data-testid="pane-left"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  expect(serious).toEqual([]);

  // A link asks before it opens, and the app window never navigates.
  const url = page.url();
  await text.locator('a.doc-link').first().click();
  const ask = page.getByRole('dialog', { name: 'Open link?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByTestId('link-confirm-address')).toHaveText('https://avalon.law.yale.edu/subject_menus/nazsov.asp');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  expect(page.url()).toBe(url);
  expect(page.context().pages()).toHaveLength(1);

  // A drag that starts on a link selects words; it does not drag the link away or open it.
  const words = 'Project for the texts';
  await dragSelect(page, 'left', words, md.text);
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(words);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(page.context().pages()).toHaveLength(1);
});

test('a highlight across a bold word and a link lands on the formatted text and is there after a reload', async ({ page, host, openApp }) => {
  const md = await importAndOpen(page, host, 'summer-1939.md', MARKDOWN);
  await openApp();
  await md.open();
  const start = md.text.indexOf('for time');
  const end = md.text.indexOf('Avalon Project') + 'Avalon'.length;
  const quote = md.text.slice(start, end);
  // A real drag, from inside the bold words to inside the link: it selects, and the link neither drags nor opens.
  await dragSelect(page, 'left', quote, md.text);
  await expect(page.getByRole('toolbar', { name: 'Annotate the selection' })).toBeVisible();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(quote);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('2');
  const text = page.getByTestId('pane-text-left');
  const marks = text.locator('mark.anno');
  await expect.poll(async () => (await marks.allTextContents()).join('')).toBe(quote);
  await expect(text.locator('strong mark.anno')).toHaveText(['for time']);
  await expect(text.locator('a.doc-link mark.anno')).toHaveText(['Avalon']);
  expect(await text.textContent()).toBe(md.text);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(JSON.stringify(stored[0]!.target)).toContain(JSON.stringify(quote).slice(1, -1));

  await page.reload();
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-document-id', md.document.id);
  await expect.poll(async () => (await text.locator('mark.anno').allTextContents()).join('')).toBe(quote);
  await expect(text.locator('mark.anno').first()).toHaveAttribute('data-colour', 'green');
  await expect(text.locator('strong mark.anno')).toHaveText(['for time']);
  await expect(text.locator('a.doc-link mark.anno')).toHaveText(['Avalon']);
});

test('hostile HTML imports as readable text, and nothing in it runs, loads or navigates', async ({ page, host, openApp, requests }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const html = await importAndOpen(page, host, 'hostile.html', HOSTILE_HTML, 'right');
  expect(html.document.kind).toBe('html');
  await openApp();
  await html.open();
  const pane = page.getByTestId('pane-text-right');
  expect(await pane.textContent()).toBe(html.text);
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('A hostile page');
  await expect(pane.locator('.row-body[data-marker]')).toHaveText(['first item', 'second item']);
  await expect(pane.locator('strong, b')).toHaveText(['bold words']);
  // Only the web links survive as links; the rest are words.
  await expect(pane.locator('a')).toHaveText(['a safe link', 'item']);
  expect(await pane.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('title')))).toEqual(['https://example.org/safe', 'https://example.org/second']);
  await expect(pane.locator('[href], [src], [onclick], [onerror], [onload], [onmouseover]')).toHaveCount(0);
  await expect(pane.locator('script, style, iframe, object, embed, img, svg, form, input, button, base, meta, link, template, noscript')).toHaveCount(0);
  await expect(page.locator('iframe, object, embed, base, meta[http-equiv]')).toHaveCount(0);
  expect(html.text).not.toMatch(/alert|evil\.example|<script/i);

  for (const words of ['a javascript link', 'another one', 'a data link', 'a vbscript link', 'bold words', 'first item']) {
    await pane.getByText(words, { exact: false }).first().click();
  }
  await pane.getByText('bold words').hover();
  // A safe link asks first; cancelled, nothing opens.
  await pane.getByRole('link', { name: 'a safe link' }).click();
  await expect(page.getByRole('dialog', { name: 'Open link?' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog', { name: 'Open link?' })).toBeHidden();
  await page.waitForTimeout(300);

  expect(dialogs).toEqual([]);
  expect(page.context().pages()).toHaveLength(1);
  expect(page.url().startsWith(host.origin)).toBe(true);
  const outside = requests.filter((url) => !url.startsWith(host.origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(outside).toEqual([]);
});

test('Ctrl+F finds a word in the focused source text, with its count, and moves next and previous', async ({ page, openApp }) => {
  await openApp();
  const count = (ARTICLE.match(/soviet/gi) ?? []).length;
  expect(count).toBeGreaterThan(3);
  await page.keyboard.press('[');
  await expect(page.getByTestId('pane-scroll-left')).toBeFocused();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: /^Find in/ });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('data-testid', 'find-bar-left');
  const input = bar.getByRole('textbox', { name: 'Find in text' });
  await expect(input).toBeFocused();
  await input.pressSequentially('SOVIET');
  const counter = page.getByTestId('find-count-left');
  await expect(counter).toHaveText(`1 of ${count}`);
  const text = page.getByTestId('pane-text-left');
  await expect(text.locator('mark.find-match')).toHaveCount(count);
  const results = await new AxeBuilder({ page }).include('[data-testid="pane-left"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await expect(text.locator('mark.find-match[data-find="current"]')).toHaveCount(1);
  expect(await text.textContent()).toBe(ARTICLE);

  const currentOnScreen = () =>
    page.evaluate(() => {
      const mark = document.querySelector('[data-testid="pane-text-left"] mark.find-match[data-find="current"]');
      const scroller = document.querySelector('[data-testid="pane-scroll-left"]')!.getBoundingClientRect();
      if (!mark) return null;
      const box = mark.getBoundingClientRect();
      return { text: mark.textContent, visible: box.top >= scroller.top && box.bottom <= scroller.bottom };
    });

  await input.press('Enter');
  await expect(counter).toHaveText(`2 of ${count}`);
  for (let i = 2; i < count; i++) await input.press('Enter');
  await expect(counter).toHaveText(`${count} of ${count}`);
  await expect.poll(async () => (await currentOnScreen())?.visible).toBe(true);
  expect((await currentOnScreen())?.text?.toLowerCase()).toBe('soviet');
  await input.press('Enter');
  await expect(counter).toHaveText(`1 of ${count}`);
  await input.press('Shift+Enter');
  await expect(counter).toHaveText(`${count} of ${count}`);
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(counter).toHaveText(`${count - 1} of ${count}`);
  await expect.poll(async () => (await currentOnScreen())?.visible).toBe(true);

  await input.fill('détente that never came');
  await expect(counter).toHaveText('No matches');
  await input.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('pane-scroll-left')).toBeFocused();
  await expect(text.locator('mark.find-match')).toHaveCount(0);

  // In the help overlay too.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Find in the focused text');
});

test('Ctrl+F in a virtualised 5 MB text finds a word far down and scrolls to each match', async ({ page, host, openApp }) => {
  const body = bigText([ARTICLE], 5 * 1024 * 1024);
  const middle = body.indexOf('\n\n', Math.floor(body.length / 2));
  const text = `${body.slice(0, middle)} Quinquireme one.${body.slice(middle)}\n\nThe last quinquireme.\n`;
  const added = await callApi<{ id: string; title: string }>(host, 'addTextDocument', { title: 'Five megabytes', text });
  await openApp();
  await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption(added.id);
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('pane-text-right')).toHaveAttribute('data-virtual', 'true');
  await page.keyboard.press(']');
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input-right');
  await expect(input).toBeFocused();
  await input.pressSequentially('quinquireme', { delay: 20 });
  const counter = page.getByTestId('find-count-right');
  await expect(counter).toHaveText('1 of 2');
  const current = page.getByTestId('pane-text-right').locator('mark.find-match[data-find="current"]');
  await expect(current).toBeInViewport();
  await expect(current).toHaveText('Quinquireme');
  await input.press('Enter');
  await expect(counter).toHaveText('2 of 2');
  await expect(current).toHaveText('quinquireme');
  await expect(current).toBeInViewport();
  // The position box follows the scroll a frame or two later.
  const position = page.getByRole('spinbutton', { name: 'Position in right pane, percent' });
  await expect.poll(async () => Number(await position.inputValue())).toBeGreaterThan(95);
  await input.press('Enter');
  await expect(counter).toHaveText('1 of 2');
  await expect(current).toBeInViewport();
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a rendered Markdown document in the ${theme} theme: screenshot`, async ({ page, host, openApp }) => {
    const md = await importAndOpen(page, host, 'summer-1939.md', MARKDOWN);
    // Tall enough for the whole document: headings, lists, the quote, the code block and the rule.
    await page.setViewportSize({ width: 1440, height: 1320 });
    await openApp();
    await md.open();
    await useTheme(page, theme);
    // A highlight over formatted words, and find open on a word, as a reader would have them.
    const start = md.text.indexOf('playing for time');
    await selectOffsets(page, 'left', start, start + 'playing for time'.length);
    await page.keyboard.press('1');
    await expect(page.getByTestId('pane-text-left').locator('mark.anno')).toHaveCount(1);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await page.keyboard.press('[');
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-input-left').pressSequentially('Soviet');
    await expect(page.getByTestId('find-count-left')).toHaveText('1 of 2');
    await page.getByTestId('find-input-left').press('Enter');
    await page.getByTestId('pane-scroll-left').evaluate((el) => el.scrollTo(0, 0));
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.move(0, 0);
    mkdirSync(images, { recursive: true });
    await page.screenshot({ path: join(images, `markdown-${theme}.png`) });
  });
}
