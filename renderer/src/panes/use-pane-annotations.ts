/**
 * What a pane draws over its text (its document's anchored annotations,
 * plus the flash of a passage just revealed) and what a click on them does.
 * Also answers reveal requests: scroll to the passage, then flash it.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { useAnnotationData, useOptionalAnnotationUi } from '../annotations/annotations-context';
import { NO_DECORATIONS, withExtraRanges, type Decorations, type DecorationRange } from '../annotations/decorations';
import { FLASH_MS, type RevealRequest } from '../annotations/reveal';
import type { TextViewHandle } from '../reader/text-view';
import type { LoadedDocument } from './document-cache';

/** Options of {@link usePaneAnnotations}. */
export interface PaneAnnotationOptions {
  document: LoadedDocument | null;
  /** Whether the text view has restored its position (a jump before that would be undone). */
  ready: boolean;
  reveal: RevealRequest | null;
  onRevealHandled: (request: number) => void;
  textRef: RefObject<TextViewHandle | null>;
}

interface Flash {
  start: number;
  end: number;
  request: number;
}

/** The decorations of a pane and its click handler. */
export function usePaneAnnotations({ document, ready, reveal, onRevealHandled, textRef }: PaneAnnotationOptions): {
  decorations: Decorations;
  onAnnotationClick: ((ids: string[]) => void) | undefined;
} {
  const anchorsOf = useAnnotationData()?.anchorsOf;
  const ui = useOptionalAnnotationUi();
  const select = ui?.select;
  const anchors = useMemo(() => (anchorsOf && document ? anchorsOf(document.id, document.text) : null), [anchorsOf, document]);
  const [flash, setFlash] = useState<Flash | null>(null);

  useEffect(() => {
    if (!reveal || !ready || !document || reveal.documentId !== document.id) return;
    const anchored = anchors?.passages.get(reveal.annotationId)?.find((ref) => ref.targetIndex === reveal.targetIndex);
    const start = anchored?.start ?? Math.min(reveal.start, document.text.length);
    const end = anchored?.end ?? Math.min(reveal.end, document.text.length);
    textRef.current?.jumpTo(start);
    onRevealHandled(reveal.id);
    // The flash starts with the next frame, once the jump has put the passage on screen. Not cancelled
    // when the handled request goes away: that re-run of the effect is exactly what follows.
    requestAnimationFrame(() => setFlash({ start, end, request: reveal.id }));
  }, [reveal, ready, document, anchors, textRef, onRevealHandled]);

  useEffect(() => {
    if (!flash) return undefined;
    const timer = setTimeout(() => setFlash((current) => (current === flash ? null : current)), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const decorations = useMemo(() => {
    const base = anchors?.decorations ?? NO_DECORATIONS;
    if (!flash) return base;
    const range: DecorationRange = { start: flash.start, end: flash.end, id: '', kind: 'flash', order: 0 };
    return withExtraRanges(base, [range]);
  }, [anchors, flash]);

  const onAnnotationClick = useCallback(
    (ids: string[]) => {
      if (ids[0]) select?.(ids[0]);
    },
    [select],
  );
  return { decorations, onAnnotationClick: select ? onAnnotationClick : undefined };
}
