/**
 * While a link is being made: a banner naming the passage it starts from
 * and asking for the one it goes to. A mouse selection completes the link
 * when the button is released; a keyboard selection with L or "Link here";
 * Esc cancels.
 */
import { useEffect } from 'react';
import { Link2, X } from 'lucide-react';
import { useLatest } from '../lib/use-latest';
import { useOptionalAnnotationUi } from './annotations-context';
import { selectionTouchesText } from './selection-passage';

/** Longest stretch of the source quote shown in the banner. */
const QUOTE_PREVIEW = 80;

function preview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW - 1)}…` : flat;
}

/** The link-mode banner (nothing when no link is being made). */
export function LinkModeBanner() {
  const ui = useOptionalAnnotationUi();
  const source = ui?.linkSource ?? null;
  const latest = useLatest(ui);

  useEffect(() => {
    if (!source) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      latest.current?.actions.cancelLink();
    };
    // A drag that ends with text selected in a pane is the passage to link to.
    const onPointerUp = (event: PointerEvent) => {
      // The banner's and toolbar's own buttons are not the end of a selection.
      if (event.target instanceof Element && event.target.closest('.link-banner, .selection-toolbar')) return;
      requestAnimationFrame(() => {
        if (selectionTouchesText(document) !== null) latest.current?.actions.completeLink();
      });
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [source, latest]);

  if (!ui || !source) return null;
  return (
    <div className="link-banner" role="status" data-testid="link-banner">
      <Link2 className="link-banner-icon" aria-hidden="true" />
      <p className="link-banner-text">
        <span className="link-banner-from">Linking from “{preview(source.target.selector[0].exact)}”.</span>{' '}
        <strong>Select the passage to link to · Esc to cancel</strong>
      </p>
      <button type="button" className="button button-small" onClick={() => ui.actions.completeLink()}>
        <Link2 aria-hidden="true" />
        Link here
      </button>
      <button type="button" className="button button-small" onClick={() => ui.actions.cancelLink()}>
        <X aria-hidden="true" />
        Cancel
      </button>
    </div>
  );
}
