/**
 * Owns this window's annotations: loads them, keeps the local copy, the
 * save queue and the undo history, and hands the panes and the Notes panel
 * what they need through context.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { documentIdOfUri, type PassageTarget } from '../../../electron/api/annotation-schema';
import type { PaneSide } from '../../../electron/api/contract';
import { api } from '../api';
import { useLatest } from '../lib/use-latest';
import { loadDocumentAnnotations, loadWindowAnnotations, takeFirstLoad, type OpenPane } from './prefetch';
import { firstScreenDrawn } from '../app/first-screen';
import { markOnce } from '../lib/mark-once';
import { AnnotationActions } from './annotation-actions';
import { AnnotationHistory } from './annotation-history';
import { annotationsOfDocument, AnnotationStore, type AnnotationSnapshot } from './annotation-store';
import { AnnotationSync } from './annotation-sync';
import {
  AnnotationDataContext,
  AnnotationUiContext,
  type AnnotationData,
  type AnnotationLoad,
  type AnnotationUi,
  type EditorFocusRequest,
  type PanelTab,
  type StatusMessage,
} from './annotations-context';
import { AnchorResolver, type DocumentAnchors } from './document-anchors';
import type { RevealTarget } from './reveal';
import { clearSelection, readSelectedPassage, type SelectedPassage } from './selection-passage';
import { useFlushOnHide } from '../lib/use-flush-on-hide';

/** Options of {@link useAnnotationsController}. */
export interface AnnotationsControllerOptions {
  /** Which document each pane shows. */
  openDocuments: Record<PaneSide, string | null>;
  /** Where each pane starts reading (a text offset): the annotations there are loaded first. */
  startPositions?: Record<PaneSide, number>;
  onReveal: (target: RevealTarget) => void;
}

/** The documents open in the panes, each once. */
function idsOf(open: Record<PaneSide, string | null>): string[] {
  return [...new Set([open.left, open.right].filter((id): id is string => id !== null))];
}

/** The open panes with where each starts reading. */
function panesOf(open: Record<PaneSide, string | null>, positions: Record<PaneSide, number> | undefined): OpenPane[] {
  const panes: OpenPane[] = [];
  for (const side of ['left', 'right'] as const) {
    const documentId = open[side];
    if (documentId !== null) panes.push({ documentId, position: positions?.[side] ?? 0 });
  }
  return panes;
}


/** How long a status message stays. */
const MESSAGE_MS = 8000;
const PANEL_KEY = 'diptych.notesPanelOpen';

function readPanelOpen(): boolean {
  try {
    return window.localStorage.getItem(PANEL_KEY) === 'true';
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** The most annotations re-anchored one by one; beyond this a whole document is anchored afresh. */
const INCREMENTAL_LIMIT = 500;

interface AnchorEntry {
  version: number;
  text: string;
  anchors: DocumentAnchors;
}

/**
 * Anchors per document, kept from one snapshot to the next: a change to a
 * few annotations re-places only those (a new highlight among ten thousand
 * costs well under a millisecond), anything else anchors the document anew.
 */
function useAnchorCache(snapshot: AnnotationSnapshot, store: AnnotationStore, resolver: AnchorResolver): AnnotationData['anchorsOf'] {
  const cache = useRef(new Map<string, AnchorEntry>());
  return useCallback(
    (documentId: string, text: string) => {
      const hit = cache.current.get(documentId);
      if (hit && hit.version === snapshot.version && hit.text === text) return hit.anchors;
      // The log answers for the store's newest snapshot only, which is the one rendering unless a change is in flight.
      const current = store.snapshot() === snapshot;
      const changed = hit && hit.text === text && current ? store.changedSince(hit.version) : null;
      const anchors =
        hit && changed && changed.size <= INCREMENTAL_LIMIT
          ? resolver.update(hit.anchors, text, changed, (id) => snapshot.byId.get(id))
          : resolver.anchor(documentId, text, annotationsOfDocument(snapshot, documentId));
      cache.current.set(documentId, { version: snapshot.version, text, anchors });
      return anchors;
    },
    [snapshot, store, resolver],
  );
}

/** What the workspace holds: the panel's state and actions, and the annotation core the provider reads. */
export interface AnnotationsController {
  ui: AnnotationUi;
  store: AnnotationStore;
  resolver: AnchorResolver;
  load: AnnotationLoad;
}

/**
 * Creates this window's annotation state; the workspace renders it through
 * {@link AnnotationsProvider}. It does not subscribe to the annotations
 * themselves, so a new highlight does not re-render the whole workspace.
 */
export function useAnnotationsController({ openDocuments, startPositions, onReveal }: AnnotationsControllerOptions): AnnotationsController {
  const [core] = useState(() => {
    const store = new AnnotationStore();
    const sync = new AnnotationSync({
      put: (annotation) => api.putAnnotation({ annotation }),
      delete: (id) => api.deleteAnnotation({ id }),
    });
    return { store, sync, history: new AnnotationHistory(), resolver: new AnchorResolver() };
  });
  const saveStatus = useSyncExternalStore(
    useCallback((listener: () => void) => core.sync.subscribe(listener), [core]),
    () => core.sync.status(),
  );
  const [attempt, setAttempt] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editorFocus, setEditorFocus] = useState<EditorFocusRequest | null>(null);
  const [panelOpen, setPanelOpenState] = useState(readPanelOpen);
  const [tab, setTab] = useState<PanelTab>('notes');
  const [linkSource, setLinkSource] = useState<SelectedPassage | null>(null);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const latest = useLatest({ linkSource, openDocuments, onReveal });

  // The first part of the first load has usually arrived with the texts: the first render draws it.
  const [started] = useState(() => {
    const taken = takeFirstLoad(panesOf(openDocuments, startPositions));
    if (taken.arrived) core.store.reset(taken.arrived);
    return taken;
  });
  const [load, setLoad] = useState<AnnotationLoad>(() => (started.arrived ? { status: 'partial' } : { status: 'loading' }));
  /** Documents whose highlights the store holds (notes and links it holds for every document). */
  const loadedDocuments = useRef(new Set<string>(started.arrived ? started.documentIds : []));
  const openNow = useRef(openDocuments);
  const positionsNow = useRef(startPositions);
  useEffect(() => {
    openNow.current = openDocuments;
  }, [openDocuments]);

  const reload = useCallback(async () => {
    try {
      const ids = idsOf(openNow.current);
      core.store.reset(await loadWindowAnnotations(ids));
      loadedDocuments.current = new Set(ids);
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'error', message: `Your annotations could not be loaded: ${describe(error)}` });
    }
  }, [core]);
  useEffect(() => {
    let live = true;
    const taken = attempt === 0 ? started : takeFirstLoad(panesOf(openNow.current, positionsNow.current));
    // Both parts are added to what the store holds, never put in its place: whatever the reader did before
    // they arrived (a link accepted, a highlight deleted) stays as they left it.
    const since = core.store.snapshot().version;
    const loadAll = async () => {
      const firstScreen = await taken.firstScreen;
      if (!live) return;
      // The benchmark reads these marks to show where the first screen's time goes; only the latest is kept.
      markOnce('diptych:annotations-received');
      core.store.fill(firstScreen, since);
      for (const id of taken.documentIds) loadedDocuments.current.add(id);
      setLoad({ status: 'partial' });
      // The rest would compete with the texts and the first screen for the network and the main thread: it waits
      // until the panes show their texts.
      await firstScreenDrawn();
      if (!live) return;
      const all = await loadWindowAnnotations(taken.documentIds);
      if (!live) return;
      core.store.fill(all, since);
      markOnce('diptych:annotations-complete');
      setLoad({ status: 'ready' });
    };
    loadAll().catch((error: unknown) => {
      if (!live) return;
      const message = `Your annotations could not be loaded: ${describe(error)}`;
      setLoad({ status: 'error', message });
      // The panel may be closed; the status bar tells the reader either way.
      setMessage((current) => ({ id: (current?.id ?? 0) + 1, text: `${message}. The Notes panel offers Try again.`, tone: 'error' }));
    });
    return () => {
      live = false;
    };
  }, [core, attempt, started]);

  // A document opened later brings its highlights into the store.
  const { left: leftId, right: rightId } = openDocuments;
  useEffect(() => {
    if (load.status !== 'ready') return;
    const missing = [leftId, rightId].filter((id): id is string => id !== null && !loadedDocuments.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) loadedDocuments.current.add(id);
    loadDocumentAnnotations(missing).then(
      (list) => core.store.merge(list),
      (error: unknown) => {
        for (const id of missing) loadedDocuments.current.delete(id);
        setMessage((current) => ({ id: (current?.id ?? 0) + 1, text: `The highlights of this document could not be loaded: ${describe(error)}`, tone: 'error' }));
      },
    );
  }, [core, load.status, leftId, rightId]);

  useFlushOnHide(useCallback(() => core.sync.flush(), [core]));

  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(() => setMessage((current) => (current === message ? null : current)), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const say = useCallback((text: string, tone: 'info' | 'error' = 'info') => {
    setMessage((current) => ({ id: (current?.id ?? 0) + 1, text, tone }));
  }, []);
  const setPanelOpen = useCallback((open: boolean) => {
    setPanelOpenState(open);
    try {
      window.localStorage.setItem(PANEL_KEY, String(open));
    } catch {
      // A window without storage simply forgets the panel's state.
    }
  }, []);
  const select = useCallback(
    (id: string | null, focusEditor = false) => {
      setSelectedId(id);
      if (id !== null) {
        setTab('notes');
        setPanelOpen(true);
      }
      if (focusEditor && id !== null) setEditorFocus((current) => ({ annotationId: id, request: (current?.request ?? 0) + 1 }));
    },
    [setPanelOpen],
  );

  const [actions] = useState(
    () =>
      new AnnotationActions(core.store, core.sync, core.history, {
        readSelection: () => readSelectedPassage(document),
        clearSelection: () => clearSelection(document),
        say: (text, tone) => say(text, tone),
        select: (id, focusEditor) => select(id, focusEditor),
        linkSource: () => latest.current.linkSource,
        setLinkSource: (passage) => {
          // Read synchronously by completeLink right after startLink, before React re-renders.
          latest.current.linkSource = passage;
          setLinkSource(passage);
        },
      }),
  );

  const reveal = useCallback(
    (annotationId: string, targetIndex: number) => {
      const annotation = core.store.get(annotationId);
      const target = annotation?.target[targetIndex];
      if (!annotation || !target || typeof target === 'string') return;
      const documentId = documentIdOfUri(target.source);
      const open = latest.current.openDocuments;
      // Stay clear of the pane showing another passage of the same annotation (where a link was followed from).
      const others = annotation.target.filter((t, i): t is PassageTarget => i !== targetIndex && typeof t !== 'string').map((t) => documentIdOfUri(t.source));
      const avoidSide = (['left', 'right'] as const).find((side) => open[side] !== null && others.includes(open[side]!) && open[side] !== documentId) ?? null;
      latest.current.onReveal({ documentId, annotationId, targetIndex, start: target.selector[1].start, end: target.selector[1].end, avoidSide });
    },
    [core, latest],
  );

  const ui = useMemo<AnnotationUi>(
    () => ({
      actions,
      selectedId,
      editorFocus,
      onEditorFocused: (request: number) => setEditorFocus((current) => (current?.request === request ? null : current)),
      select,
      panelOpen,
      setPanelOpen,
      tab,
      setTab,
      linkSource,
      message,
      say,
      saveStatus,
      retryLoad: () => setAttempt((n) => n + 1),
      reveal,
      reload,
      clearHistory: () => core.history.clear(),
      retrySave: () => core.sync.retry(),
    }),
    [actions, selectedId, editorFocus, select, panelOpen, setPanelOpen, tab, linkSource, message, say, saveStatus, reveal, reload, core],
  );
  return { ui, store: core.store, resolver: core.resolver, load };
}

/** Provides annotations to everything inside it, re-rendering only what reads them when they change. */
export function AnnotationsProvider({ controller, children }: { controller: AnnotationsController; children: ReactNode }) {
  const { store, resolver, load, ui } = controller;
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const anchorsOf = useAnchorCache(snapshot, store, resolver);
  const data = useMemo<AnnotationData>(() => ({ snapshot, load, anchorsOf }), [snapshot, load, anchorsOf]);
  return (
    <AnnotationDataContext.Provider value={data}>
      <AnnotationUiContext.Provider value={ui}>{children}</AnnotationUiContext.Provider>
    </AnnotationDataContext.Provider>
  );
}
