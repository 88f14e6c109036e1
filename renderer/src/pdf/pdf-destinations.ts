/**
 * Where an explicit PDF destination points on its page (PDF 32000-1,
 * 12.3.2.2): the user-space point to bring to the top of the view, or null
 * for the page's top. Links and outline entries inside a PDF go there;
 * nothing in a destination can leave the document.
 */

/** The spot a destination names on its page, in user space; null coordinates mean "unchanged", read as the page's edge. */
export interface DestinationSpot {
  left: number | null;
  top: number | null;
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The spot of an explicit destination `[page, {name: kind}, ...args]`:
 * XYZ gives left and top; FitH and FitBH a top; FitV and FitBV a left;
 * FitR its rectangle's top left; Fit and FitB the whole page.
 */
export function destinationSpot(destination: readonly unknown[]): DestinationSpot {
  const kind = (destination[1] as { name?: unknown } | null | undefined)?.name;
  const args = destination.slice(2);
  switch (kind) {
    case 'XYZ':
      return { left: numberOrNull(args[0]), top: numberOrNull(args[1]) };
    case 'FitH':
    case 'FitBH':
      return { left: null, top: numberOrNull(args[0]) };
    case 'FitV':
    case 'FitBV':
      return { left: numberOrNull(args[0]), top: null };
    case 'FitR':
      return { left: numberOrNull(args[0]), top: numberOrNull(args[3]) };
    default:
      return { left: null, top: null };
  }
}

/** The page reference of an explicit destination: a page object's reference, or (in some files) a page index. */
export function destinationPageRef(destination: readonly unknown[]): { num: number; gen: number } | number | null {
  const ref = destination[0];
  if (typeof ref === 'number' && Number.isInteger(ref) && ref >= 0) return ref;
  if (ref && typeof ref === 'object' && typeof (ref as { num?: unknown }).num === 'number' && typeof (ref as { gen?: unknown }).gen === 'number') {
    return ref as { num: number; gen: number };
  }
  return null;
}
