/**
 * Puts the reading settings on the page: the theme and font family as
 * attributes on <html> (the CSS picks every colour and stack from them), the
 * size and measure as custom properties.
 */
import type { Settings, ThemeName } from '../../../electron/api/contract';

/** Remembers the last theme so the next start paints in it before the session arrives. */
export const THEME_HINT_KEY = 'diptych.theme';

/** Applies `settings` to `root` (normally document.documentElement). */
export function applySettings(root: HTMLElement, settings: Settings): void {
  root.dataset['theme'] = settings.theme;
  root.dataset['font'] = settings.fontFamily;
  // Custom properties through the CSSOM, which a strict style-src allows.
  root.style.setProperty('--reading-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-measure', `${settings.lineWidth}ch`);
  try {
    window.localStorage.setItem(THEME_HINT_KEY, settings.theme);
  } catch {
    // Storage can be unavailable (privacy modes); the hint is only cosmetic.
  }
}

/** The family name each reading font setting draws in, as its @font-face rules declare it. */
export const READING_FACES: Record<Settings['fontFamily'], string> = { serif: 'Literata', sans: 'Inter', accessible: 'Atkinson Hyperlegible' };

/**
 * Starts loading the reading font (regular and italic) as soon as the
 * setting is known. The browser fetches a web font only when laid-out text
 * first needs it: the text would be laid out in a fallback font, then again
 * in this one, moving the reading position after the first screen.
 */
export function preloadReadingFont(fontFamily: Settings['fontFamily']): void {
  const fonts = document.fonts as FontFaceSet | undefined;
  if (typeof fonts?.load !== 'function') return;
  for (const style of ['normal', 'italic']) fonts.load(`${style} 400 16px "${READING_FACES[fontFamily]}"`).catch(() => {});
}

/** Applies the remembered theme, if any, before anything renders. */
export function applyThemeHint(root: HTMLElement): void {
  let hint: string | null = null;
  try {
    hint = window.localStorage.getItem(THEME_HINT_KEY);
  } catch {
    hint = null;
  }
  const themes: readonly ThemeName[] = ['light', 'sepia', 'dark'];
  root.dataset['theme'] = themes.find((theme) => theme === hint) ?? 'light';
}
