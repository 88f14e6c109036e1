/**
 * The PDF view as a pane loads it: pdf.js and the viewer are fetched only
 * when a PDF is first opened, so a window reading texts never pays for
 * them. Holds the position the pane was opened at, as the text reader does.
 */
import { lazy, Suspense, useState } from 'react';
import { PaneLoading } from '../panes/pane-message';
import type { PdfViewProps } from './pdf-view';

const PdfView = lazy(() => import('./pdf-view').then((module) => ({ default: module.PdfView })));

/** Props of {@link PdfPane}: those of the view, with the pane's current position. */
export type PdfPaneProps = Omit<PdfViewProps, 'initialPosition'> & { position: number };

/** A PDF in a pane. */
export function PdfPane({ position, ...props }: PdfPaneProps) {
  const [initialPosition] = useState(position);
  return (
    <Suspense fallback={<PaneLoading title={props.title} />}>
      <PdfView {...props} initialPosition={initialPosition} />
    </Suspense>
  );
}
