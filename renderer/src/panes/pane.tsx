/**
 * One reading pane: a region labelled by its document's title, with a
 * header and the text (or a message saying why there is none).
 */
import { memo, useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import type { DocumentSummary, PaneSide, PaneState, Settings } from '../../../electron/api/contract';
import type { RevealRequest } from '../annotations/reveal';
import type { WorkspaceAction } from '../app/workspace-state';
import { positionPercent, sideLabel } from '../library/format';
import { FindableTextView, type FindableTextViewProps } from '../find/findable-text';
import { preloadPdf } from '../pdf/pdf-file';
import { PdfPane } from '../pdf/pdf-pane';
import type { TextViewHandle } from '../reader/text-view';
import { PaneHeader } from './pane-header';
import { PaneEmpty, PaneError, PaneLoading } from './pane-message';
import { usePaneAnnotations } from './use-pane-annotations';
import { useDocument } from './use-document';
import { paneSettled, paneShown } from '../app/first-screen';

/** Props of {@link Pane}. */
export interface PaneProps {
  side: PaneSide;
  pane: PaneState;
  /** Changes when the pane gets a new document or position from outside (open, swap). */
  generation: number;
  atEnd: boolean;
  documents: readonly DocumentSummary[];
  focused: boolean;
  maximised: boolean;
  showSwap: boolean;
  settings: Settings;
  dispatch: Dispatch<WorkspaceAction>;
  /**
   * A pending request for keyboard focus (its id), or null: the pane focuses
   * its text once ready (or its picker when it has no text), then reports it.
   */
  focusRequest: number | null;
  /** Whether that focus shows the ring (not when focus is merely restored at start-up). */
  focusVisible: boolean;
  onFocusHandled: (request: number) => void;
  /** A pending request to show an annotation's passage in this pane, or null. */
  reveal: RevealRequest | null;
  onRevealHandled: (request: number) => void;
}

/** Holds the position a reader was opened at, so later scroll reports don't re-render the text. */
function PaneReader(props: Omit<FindableTextViewProps, 'initialPosition'>) {
  const [initialPosition] = useState(props.position);
  return <FindableTextView {...props} initialPosition={initialPosition} />;
}

/** A reading pane. */
export const Pane = memo(function Pane(props: PaneProps) {
  const { side, pane, documents, dispatch, settings } = props;
  const summary = pane.documentId === null ? undefined : documents.find((document) => document.id === pane.documentId);
  // A PDF needs its file and the viewer as well as its text: asked for before the text (the host answers in turn,
  // and a long PDF's text takes a while), so the first page can show while the text is on its way.
  const pdfToPreload = summary?.kind === 'pdf' ? summary.id : null;
  const pdfContent = summary?.contentId ?? '';
  useEffect(() => {
    if (pdfToPreload !== null) preloadPdf(pdfToPreload, pdfContent);
  }, [pdfToPreload, pdfContent]);
  const { state, attempt, retry } = useDocument(summary ? summary.id : null);
  const textRef = useRef<TextViewHandle>(null);
  const pickerRef = useRef<HTMLSelectElement>(null);
  const readerKey = `${pane.documentId}:${props.generation}:${attempt}`;
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const ready = state.status === 'ready' && readyKey === readerKey;
  const titleId = `pane-title-${side}`;

  const settled = state.status === 'ready' ? ready : state.status !== 'loading';
  useEffect(() => paneShown(side), [side]);
  useEffect(() => {
    if (settled) paneSettled(side);
  }, [settled, side]);
  const { focusRequest, focusVisible, onFocusHandled } = props;
  useEffect(() => {
    if (focusRequest === null || !settled) return;
    if (textRef.current) textRef.current.focus(focusVisible);
    else pickerRef.current?.focus({ focusVisible });
    onFocusHandled(focusRequest);
  }, [focusRequest, focusVisible, onFocusHandled, settled]);

  const onPosition = useCallback(
    (position: number, atEnd: boolean) => dispatch({ type: 'position', side, position, atEnd }),
    [dispatch, side],
  );
  const onReady = useCallback(() => setReadyKey(readerKey), [readerKey]);
  const { decorations, onAnnotationClick } = usePaneAnnotations({
    document: state.status === 'ready' ? state.document : null,
    ready,
    reveal: props.reveal,
    onRevealHandled: props.onRevealHandled,
    textRef,
  });
  const onJump = useCallback(
    (percent: number) => {
      if (state.status !== 'ready') return;
      const length = state.document.text.length;
      // Rounded up, so the position then reads back as the percentage typed, never one less.
      textRef.current?.jumpTo(percent >= 100 ? length : Math.ceil((percent / 100) * length));
    },
    [state],
  );

  const title = summary?.title ?? (pane.documentId === null ? `${sideLabel(side)} pane (empty)` : 'Missing document');
  let body;
  if (pane.documentId === null) {
    body = <PaneEmpty title="No document in this pane">Choose a document from the library or the picker above.</PaneEmpty>;
  } else if (!summary) {
    body = (
      <PaneEmpty title="This document is no longer in the library">
        Choose another one from the library or the picker above.
      </PaneEmpty>
    );
  } else if (state.status === 'error') {
    body = (
      <PaneError
        title={`Couldn’t open “${summary.title}”`}
        message={state.message}
        reassurance="The other pane and your layout are unaffected."
        actionLabel="Retry"
        onAction={retry}
      />
    );
  } else if (summary.kind === 'pdf') {
    // A PDF's pages can show while its text is still on its way.
    body = (
      <PdfPane
        key={readerKey}
        handleRef={textRef}
        side={side}
        title={summary.title}
        documentId={summary.id}
        document={state.status === 'ready' ? state.document : null}
        contentId={summary.contentId}
        position={pane.position}
        focused={props.focused}
        onPosition={onPosition}
        onReady={onReady}
        decorations={decorations}
        onAnnotationClick={onAnnotationClick}
      />
    );
  } else if (state.status === 'ready') {
    body = (
      <PaneReader
        key={readerKey}
        handleRef={textRef}
        side={side}
        title={summary.title}
        text={state.document.text}
        blocks={state.document.blocks}
        position={pane.position}
        fontSize={settings.fontSize}
        lineWidth={settings.lineWidth}
        fontFamily={settings.fontFamily}
        onPosition={onPosition}
        onReady={onReady}
        decorations={decorations}
        onAnnotationClick={onAnnotationClick}
        structure={state.document.structure}
        focused={props.focused}
      />
    );
  } else {
    body = <PaneLoading title={summary.title} />;
  }

  const length = state.status === 'ready' ? state.document.text.length : 0;
  return (
    <section
      className="pane"
      role="region"
      aria-labelledby={titleId}
      data-testid={`pane-${side}`}
      data-document-id={pane.documentId ?? undefined}
      data-state={pane.documentId === null ? 'empty' : !summary ? 'missing' : state.status}
      data-ready={ready ? 'true' : undefined}
      data-focused={props.focused ? 'true' : undefined}
      onFocus={() => {
        if (!props.focused) dispatch({ type: 'focus', side });
      }}
    >
      <h2 id={titleId} className="visually-hidden">
        {title}
      </h2>
      <PaneHeader
        side={side}
        documentId={pane.documentId}
        summary={summary}
        documents={documents}
        percent={positionPercent(pane.position, length, props.atEnd)}
        positionEnabled={ready}
        maximised={props.maximised}
        showSwap={props.showSwap}
        pickerRef={pickerRef}
        onPick={(documentId) => dispatch({ type: 'open', side, documentId })}
        onJump={onJump}
        onToggleMaximise={() => dispatch({ type: 'toggle-maximise', side })}
        onSwap={() => dispatch({ type: 'swap' })}
        onClose={() => dispatch({ type: 'close', side })}
      />
      <div className="pane-body">{body}</div>
    </section>
  );
});
