/**
 * Geometry of a PDF page on screen, apart from pdf.js so it can be tested
 * and used before a page is loaded: the page's viewport transform (PDF user
 * space → CSS pixels inside the page box, the same matrix as pdf.js'
 * PageViewport), its inverse, and the conversion of rectangles both ways.
 */
import type { PdfRect } from '../../../electron/api/annotation-schema';

/** An affine transform [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** The part of a page that shows: its view box in user space and its /Rotate. */
export interface PageBox {
  /** [x0, y0, x1, y1]: the visible box (CropBox ∩ MediaBox) in PDF user space. */
  viewBox: readonly [number, number, number, number];
  /** 0, 90, 180 or 270 (clockwise, as /Rotate). */
  rotation: number;
  /** PDF units per user-space unit (/UserUnit), 1 for nearly every PDF. */
  userUnit?: number;
}

/** A rectangle in CSS pixels, relative to the page box's top left corner. */
export interface CssRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A rotation normalised to 0, 90, 180 or 270. */
export function normaliseRotation(rotation: number): 0 | 90 | 180 | 270 {
  const turned = ((Math.round(rotation / 90) * 90) % 360 + 360) % 360;
  return turned as 0 | 90 | 180 | 270;
}

/**
 * The viewport transform of `box` at `scale` CSS pixels per PDF unit, as
 * pdf.js computes it (y flipped, rotation about the box's centre, then
 * moved so the box's top left corner is at 0,0).
 */
export function viewportTransform(box: PageBox, scale: number): Matrix {
  const [x0, y0, x1, y1] = box.viewBox;
  const s = scale * (box.userUnit ?? 1);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const rotation = normaliseRotation(box.rotation);
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const quarter = a === 0;
  const offsetX = quarter ? Math.abs(cy - y0) * s : Math.abs(cx - x0) * s;
  const offsetY = quarter ? Math.abs(cx - x0) * s : Math.abs(cy - y0) * s;
  return [a * s, b * s, c * s, d * s, offsetX - a * s * cx - c * s * cy, offsetY - b * s * cx - d * s * cy];
}

/** The size of `box` on screen at `scale`, in CSS pixels (width and height swap for a quarter turn). */
export function viewportSize(box: PageBox, scale: number): { width: number; height: number } {
  const [x0, y0, x1, y1] = box.viewBox;
  const s = scale * (box.userUnit ?? 1);
  const w = Math.abs(x1 - x0) * s;
  const h = Math.abs(y1 - y0) * s;
  return normaliseRotation(box.rotation) % 180 === 0 ? { width: w, height: h } : { width: h, height: w };
}

/** `m` applied to the point (x, y). */
export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The inverse of `m` (a page transform is never singular). */
export function invertMatrix(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

/** The bounding box of the rectangle (x0, y0)–(x1, y1) after `m`. */
function transformedBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): { minX: number; minY: number; maxX: number; maxY: number } {
  const corners = [applyMatrix(m, x0, y0), applyMatrix(m, x1, y1), applyMatrix(m, x0, y1), applyMatrix(m, x1, y0)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** A rectangle in user space (lower left corner, width, height) to CSS pixels in the page box. */
export function pdfRectToCss(rect: Pick<PdfRect, 'x' | 'y' | 'w' | 'h'>, transform: Matrix): CssRect {
  const box = transformedBox(transform, rect.x, rect.y, rect.x + rect.w, rect.y + rect.h);
  return { left: box.minX, top: box.minY, width: box.maxX - box.minX, height: box.maxY - box.minY };
}

/** Significant digits kept in stored rectangles: a hundredth of a point is far below a pixel. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** A rectangle in the page box's CSS pixels to user space, rounded to a hundredth of a unit. */
export function cssRectToPdf(rect: CssRect, transform: Matrix, page: number): PdfRect {
  const box = transformedBox(invertMatrix(transform), rect.left, rect.top, rect.left + rect.width, rect.top + rect.height);
  const x = round2(box.minX);
  const y = round2(box.minY);
  return { page, x, y, w: round2(box.maxX - box.minX), h: round2(box.maxY - box.minY) };
}

/** Whether two rectangles sit on one line: their vertical overlap covers most of the shorter one. */
function sameLine(a: CssRect, b: CssRect): boolean {
  const overlap = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.height, b.height);
}

/**
 * Joins the rectangles of one passage that lie on one line and touch or
 * nearly touch (a text layer gives one per text run, often overlapping):
 * drawn separately, their overlaps would show darker.
 */
export function mergeLineRects(rects: readonly CssRect[], gap = 2): CssRect[] {
  const usable = rects.filter((r) => r.width > 0 && r.height > 0).map((r) => ({ ...r }));
  // Left to right, so each rectangle meets the line it continues already grown up to it.
  usable.sort((a, b) => a.left - b.left || a.top - b.top);
  const merged: CssRect[] = [];
  for (const rect of usable) {
    const line = merged.find((m) => sameLine(m, rect) && rect.left <= m.left + m.width + gap && m.left <= rect.left + rect.width + gap);
    if (!line) {
      merged.push(rect);
      continue;
    }
    const right = Math.max(line.left + line.width, rect.left + rect.width);
    const bottom = Math.max(line.top + line.height, rect.top + rect.height);
    line.left = Math.min(line.left, rect.left);
    line.top = Math.min(line.top, rect.top);
    line.width = right - line.left;
    line.height = bottom - line.top;
  }
  return merged.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Whether the point (x, y) lies in `rect`. */
export function rectContains(rect: CssRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.left + rect.width && y >= rect.top && y <= rect.top + rect.height;
}
