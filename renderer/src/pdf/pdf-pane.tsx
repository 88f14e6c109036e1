/**
 * The PDF view as a pane loads it: pdf.js and the viewer are fetched only
 * when a PDF is first opened, so a window reading texts never pays for
 * them. Holds the position the pane was opened at, as the text reader does.
 *
 * The code is loaded by hand rather than through React.lazy: React holds
 * back revealing a suspended pane for a while (about 300 ms), which a first
 * page must not wait for.
 */
import { useEffect, useState } from 'react';
import { PaneError, PaneLoading } from '../panes/pane-message';
import type { PdfViewProps } from './pdf-view';
import { loadedPdfView, loadPdfView } from './pdf-view-loader';

/** Props of {@link PdfPane}: those of the view, with the pane's current position. */
export type PdfPaneProps = Omit<PdfViewProps, 'initialPosition'> & { position: number };

/** A PDF in a pane. */
export function PdfPane({ position, ...props }: PdfPaneProps) {
  const [initialPosition] = useState(position);
  const [view, setView] = useState(loadedPdfView);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<{ attempt: number } | null>(null);
  useEffect(() => {
    if (view) return undefined;
    let live = true;
    loadPdfView().then(
      (module) => live && setView(module),
      () => live && setFailed({ attempt }),
    );
    return () => {
      live = false;
    };
  }, [view, attempt]);
  if (view) return <view.PdfView {...props} initialPosition={initialPosition} />;
  if (failed && failed.attempt === attempt) {
    return (
      <PaneError
        title={props.title}
        message="The PDF viewer could not be loaded: Diptych’s host did not answer."
        reassurance="Your library and annotations are unaffected."
        actionLabel="Try again"
        onAction={() => setAttempt((n) => n + 1)}
      />
    );
  }
  return <PaneLoading title={props.title} />;
}
