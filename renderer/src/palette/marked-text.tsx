/**
 * Text with the matched words of a search marked: the host answers marks
 * as [start, end) offsets; they are drawn as <mark> elements.
 */
import type { ReactNode } from 'react';

/** A [start, end) range of a string. */
export type Mark = readonly [number, number];

/** A run of the text, marked or not. */
export interface TextRun {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into runs at `marks`. Marks are taken in order, clipped to the
 * text, and merged where they touch or overlap, so whatever the host answers
 * the runs put back together are exactly `text`.
 */
export function splitMarks(text: string, marks: readonly Mark[]): TextRun[] {
  const ranges = marks
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const runs: TextRun[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) runs.push({ text: text.slice(at, start), marked: false });
    runs.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

/** `text` with its marks drawn. */
export function MarkedText({ text, marks }: { text: string; marks: readonly Mark[] }): ReactNode {
  return splitMarks(text, marks).map((run, index) =>
    run.marked ? (
      <mark key={index} className="palette-mark">
        {run.text}
      </mark>
    ) : (
      run.text
    ),
  );
}
