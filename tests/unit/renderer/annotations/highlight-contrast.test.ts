import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '../../../../electron/api/annotation-schema';
import { repoRoot } from '../../../support/paths';

/** The custom properties of each theme block in themes.css. */
function themes(): Record<string, Record<string, string>> {
  const css = readFileSync(join(repoRoot, 'renderer/src/styles/themes.css'), 'utf8');
  const found: Record<string, Record<string, string>> = {};
  for (const match of css.matchAll(/:root\[data-theme='(\w+)'\]\s*\{([^}]*)\}/g)) {
    const properties: Record<string, string> = {};
    for (const [, name, value] of match[2]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)) properties[name!] = value!.trim();
    found[match[1]!] = properties;
  }
  return found;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe('highlight colours', () => {
  const all = themes();

  it('are defined in every theme', () => {
    expect(Object.keys(all).sort()).toEqual(['dark', 'light', 'sepia']);
  });

  for (const theme of ['light', 'sepia', 'dark']) {
    it(`keep ink over every highlight at 4.5:1 or more in the ${theme} theme`, () => {
      const properties = all[theme]!;
      for (const colour of HIGHLIGHT_COLOURS) {
        const fill = properties[`--hl-${colour}`]!;
        expect(fill, `--hl-${colour}`).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrast(properties['--ink']!, fill), `${theme} ${colour}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`keep each colour's line tone distinguishable from the page (3:1 for graphics) in the ${theme} theme`, () => {
      const properties = all[theme]!;
      for (const colour of HIGHLIGHT_COLOURS) {
        expect(contrast(properties['--surface-pane']!, properties[`--hl-${colour}-line`]!), `${theme} ${colour} line`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
