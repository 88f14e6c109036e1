/**
 * The annotations of this window, shared by the panes (which draw them)
 * and the Notes panel (which edits them): two contexts, so a pane is not
 * re-rendered by what only the panel shows.
 */
import { createContext, useContext } from 'react';
import type { SaveStatus } from '../app/save-queue';
import type { AnnotationActions } from './annotation-actions';
import type { AnnotationSnapshot } from './annotation-store';
import type { DocumentAnchors } from './document-anchors';
import type { SelectedPassage } from './selection-passage';

/** Where loading the annotations is. */
/** Where the window's annotations are: `partial` holds those near the panes' reading positions, the rest still coming. */
export type AnnotationLoad = { status: 'loading' } | { status: 'partial' } | { status: 'ready' } | { status: 'error'; message: string };

/** What the panes and the panel read. */
export interface AnnotationData {
  snapshot: AnnotationSnapshot;
  load: AnnotationLoad;
  /** The anchors of a document's annotations in its text (cached per snapshot and text). */
  anchorsOf: (documentId: string, text: string) => DocumentAnchors;
}

/** A short message for the status bar. */
export interface StatusMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

/** Asks the editor of an annotation to take keyboard focus. */
export interface EditorFocusRequest {
  annotationId: string;
  request: number;
}

/** Which tab of the Notes panel is showing. */
export type PanelTab = 'notes' | 'annotations';

/** What the window does with annotations, and the panel's state. */
export interface AnnotationUi {
  actions: AnnotationActions;
  selectedId: string | null;
  /** A request for the editor of one annotation to take focus, until it reports it did. */
  editorFocus: EditorFocusRequest | null;
  onEditorFocused: (request: number) => void;
  select: (id: string | null, focusEditor?: boolean) => void;
  panelOpen: boolean;
  setPanelOpen: (open: boolean) => void;
  tab: PanelTab;
  setTab: (tab: PanelTab) => void;
  linkSource: SelectedPassage | null;
  message: StatusMessage | null;
  say: (text: string, tone?: 'info' | 'error') => void;
  saveStatus: SaveStatus;
  /** Sends again the changes that could not be saved. */
  retrySave: () => void;
  retryLoad: () => void;
  /** Scrolls a pane to an annotation's passage (opening its document if needed) and flashes it. */
  reveal: (annotationId: string, targetIndex: number) => void;
  /** Replaces every annotation with the host's (after an import). */
  reload: () => Promise<void>;
  /** Forgets undo history (an import cannot be undone). */
  clearHistory: () => void;
}

export const AnnotationDataContext = createContext<AnnotationData | null>(null);
export const AnnotationUiContext = createContext<AnnotationUi | null>(null);

/** The annotation data; null outside a provider (component tests of a lone pane). */
export function useAnnotationData(): AnnotationData | null {
  return useContext(AnnotationDataContext);
}

/** The annotation actions and panel state. */
export function useAnnotationUi(): AnnotationUi {
  const ui = useContext(AnnotationUiContext);
  if (!ui) throw new Error('Diptych: useAnnotationUi outside an AnnotationsProvider.');
  return ui;
}

/** The annotation actions and panel state, or null outside a provider. */
export function useOptionalAnnotationUi(): AnnotationUi | null {
  return useContext(AnnotationUiContext);
}
