/**
 * `[[Title]]` mentions between notes: a note's title is its first line
 * (noteTitle), and a mention names it. Parsing, matching and completing
 * mentions, as plain string functions.
 */

/** A mention: `[[`, a title on one line without brackets, `]]`. */
export const MENTION_PATTERN = /\[\[([^[\]\n]{1,200})\]\]/g;

/** How titles are compared: case and runs of blanks do not matter. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The titles mentioned in `markdown`, once each, in order of first mention. */
export function mentionsIn(markdown: string): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const match of markdown.matchAll(MENTION_PATTERN)) {
    const title = match[1]!.trim();
    const key = titleKey(title);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    titles.push(title);
  }
  return titles;
}

/** An unfinished mention before the caret: where its `[[` is and what has been typed since. */
export interface MentionQuery {
  /** Offset of the first `[`. */
  start: number;
  query: string;
}

/** The mention being typed at `caret`, or null when the caret is not inside an open `[[`. */
export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const open = before.lastIndexOf('[[');
  if (open < 0) return null;
  const typed = before.slice(open + 2);
  if (typed.length > 200 || /[[\]\n]/.test(typed)) return null;
  return { start: open, query: typed };
}

/** Replaces the mention being typed with `[[title]]`; returns the new value and where the caret goes. */
export function completeMention(value: string, caret: number, title: string): { value: string; caret: number } {
  const query = mentionQueryAt(value, caret);
  if (!query) return { value, caret };
  // A closing `]]` already typed after the caret is reused rather than doubled.
  const rest = value.slice(caret);
  const after = rest.startsWith(']]') ? rest.slice(2) : rest;
  const inserted = `[[${title}]]`;
  return { value: value.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}

/** Titles matching what was typed: those starting with it first, then those containing it. */
export function suggestTitles(titles: readonly string[], query: string, limit = 8): string[] {
  const key = titleKey(query);
  const starts: string[] = [];
  const contains: string[] = [];
  const seen = new Set<string>();
  for (const title of titles) {
    const k = titleKey(title);
    if (seen.has(k)) continue;
    seen.add(k);
    if (k.startsWith(key)) starts.push(title);
    else if (k.includes(key)) contains.push(title);
  }
  const byLength = (a: string, b: string) => a.length - b.length || a.localeCompare(b);
  return [...starts.sort(byLength), ...contains.sort(byLength)].slice(0, limit);
}
