/**
 * The window: start-up, then the workspace (library, two panes, status
 * bar) with its dialogs and shortcuts.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DocumentSummary, Notice, PaneSide, Settings } from '../../../electron/api/contract';
import { AnnotationsProvider, useAnnotationsController } from '../annotations/annotations-provider';
import { LinkModeBanner } from '../annotations/link-mode-banner';
import { NotesPanel } from '../annotations/panel/notes-panel';
import { paneForReveal, type RevealRequest, type RevealTarget } from '../annotations/reveal';
import { runAnnotationCommand } from '../annotations/run-annotation-command';
import { SelectionToolbar } from '../annotations/selection-toolbar';
import { api } from '../api';
import { CompareBar, CompareToastView } from '../compare/compare-bar';
import { CompareGutter } from '../compare/compare-gutter';
import { RelatedPassages } from '../compare/related-passages';
import { unavailableMessage, useCompareMode } from '../compare/use-compare-mode';
import { useRelatedRequest } from '../compare/use-related-request';
import { useLatest } from '../lib/use-latest';
import { sideLabel } from '../library/format';
import { DocumentDetailsDialog } from '../library/document-details-dialog';
import { ImportPanel } from '../library/import-panel';
import { collectionsOf } from '../library/library-order';
import { LibrarySidebar } from '../library/library-sidebar';
import { RemovalToast, RemoveDocumentDialog } from '../library/remove-document-dialog';
import { useFileDrop } from '../library/use-file-drop';
import { pickedFile, useLibrary } from '../library/use-library';
import { CommandPalette } from '../palette/command-palette';
import { ReadingArea, type FocusRequest } from '../panes/reading-area';
import { applySettings } from './apply-settings';
import { BootError, BootLoading } from './boot-screen';
import { HelpDialog } from './help-dialog';
import { NoticeBanner } from './notice-banner';
import { RestoredNotice } from './backups-dialog';
import { UnsavedBanner } from './unsaved-banner';
import { SettingsDialog } from './settings-dialog';
import { combineStatus } from './save-queue';
import { isMac, type ShortcutCommand } from './shortcuts';
import { StatusBar } from './status-bar';
import { TopBar } from './top-bar';
import { useBootstrap, type BootData } from './use-bootstrap';
import { usePersistence } from './use-persistence';
import { useSelectionLength } from './use-selection-length';
import { useShortcuts } from './use-shortcuts';
import { initialWorkspace, workspaceReducer } from './workspace-state';

type OpenDialog = 'settings' | 'help' | 'palette' | null;

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** Host notices, dismissed optimistically and put back if the host refuses. */
function useNotices(initial: readonly Notice[]) {
  const [notices, setNotices] = useState<Notice[]>(() => [...initial]);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const dismiss = useCallback((id: string) => {
    let removed: Notice | undefined;
    setNotices((current) => {
      removed = current.find((notice) => notice.id === id);
      return current.filter((notice) => notice.id !== id);
    });
    api.dismissNotice({ id }).catch((error: unknown) => {
      setFailures((current) => ({ ...current, [id]: describe(error) }));
      setNotices((current) => (removed && !current.some((notice) => notice.id === id) ? [...current, removed] : current));
    });
  }, []);
  return { notices, failures, dismiss };
}

/** The workspace once the session is loaded. */
export function Workspace({ data }: { data: BootData }) {
  const persistence = usePersistence();
  const { saveLayout, saveSettings } = persistence;
  const [workspace, dispatch] = useReducer(workspaceReducer, data.session.layout, initialWorkspace);
  const { layout } = workspace;
  const [settings, setSettings] = useState<Settings>(data.session.settings);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // The pane that had focus last time gets it back (quietly, without a ring) once its text is ready.
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(() => ({ id: 1, side: layout.focusedPane, visible: false }));
  const { notices, failures, dismiss } = useNotices(data.appInfo?.notices ?? []);
  const selectionLength = useSelectionLength();
  const modifierLabel = isMac() ? '⌘' : 'Ctrl';

  // Revealing an annotation's passage: pick the pane, open the document there if needed, then ask the pane to scroll.
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const layoutNow = useLatest(layout);
  const onReveal = useCallback(
    (target: RevealTarget) => {
      const current = layoutNow.current;
      const open = { left: current.left.documentId, right: current.right.documentId };
      const { side, opens } = paneForReveal(target, open, current.focusedPane);
      if (opens) dispatch({ type: 'open', side, documentId: target.documentId });
      dispatch({ type: 'show', side });
      setReveal((previous) => ({ ...target, side, id: (previous?.id ?? 0) + 1 }));
    },
    [layoutNow],
  );
  const onRevealHandled = useCallback((id: number) => {
    setReveal((current) => (current?.id === id ? null : current));
  }, []);
  const openDocuments = useMemo(() => ({ left: layout.left.documentId, right: layout.right.documentId }), [layout.left.documentId, layout.right.documentId]);
  // Annotations: the workspace holds their panel state and actions; the provider below hands out the annotations.
  const annotations = useAnnotationsController({ openDocuments, startPositions: { left: layout.left.position, right: layout.right.position }, onReveal });
  const { ui } = annotations;

  // The library: imports (picker, drop, menu), details, removal to the trash with undo.
  const closeDocument = useCallback(
    (id: string) => {
      for (const side of ['left', 'right'] as const) if (layoutNow.current[side].documentId === id) dispatch({ type: 'close', side });
    },
    [layoutNow],
  );
  const library = useLibrary(data.documents, closeDocument, ui.say);
  const { importFiles: queueImports } = library;
  const importFiles = useCallback((files: File[], replaceDocumentId?: string) => queueImports(files.map(pickedFile), replaceDocumentId), [queueImports]);
  const draggingFiles = useFileDrop(importFiles);
  const importInput = useRef<HTMLInputElement>(null);
  const openImportPicker = useCallback(() => importInput.current?.click(), []);
  // File › Import… in the desktop app: the main process read the chosen files; they go through the same queue.
  useEffect(
    () =>
      window.diptych?.onImportFiles?.((files) =>
        queueImports(
          files.map((file) => ({
            name: file.name,
            size: file.size,
            bytes: async () => {
              if (file.error) throw new Error(file.error);
              return new Uint8Array(file.bytes);
            },
          })),
        ),
      ),
    [queueImports],
  );
  const [editingDocument, setEditingDocument] = useState<DocumentSummary | null>(null);
  const [removingDocument, setRemovingDocument] = useState<DocumentSummary | null>(null);
  const saveStatus = useMemo(() => combineStatus([persistence.status, ui.saveStatus]), [persistence.status, ui.saveStatus]);

  // Compare mode: a layer over the two panes (the gutter, aligned scrolling), and related passages for a selection.
  const compare = useCompareMode({ leftId: layout.left.documentId, rightId: layout.right.documentId, actions: ui.actions, say: ui.say });
  const libraryDocuments = library.documents;
  const titleFor = useCallback((id: string | null) => libraryDocuments.find((document) => document.id === id)?.title ?? 'the other text', [libraryDocuments]);
  const related = useRelatedRequest(openDocuments, titleFor, ui.say);

  useLayoutEffect(() => applySettings(document.documentElement, settings), [settings]);

  // Save what changed, never what was just loaded.
  const lastLayout = useRef(layout);
  useEffect(() => {
    if (lastLayout.current === layout) return;
    lastLayout.current = layout;
    saveLayout(layout);
  }, [layout, saveLayout]);
  const lastSettings = useRef(settings);
  useEffect(() => {
    if (lastSettings.current === settings) return;
    lastSettings.current = settings;
    saveSettings(settings);
  }, [settings, saveSettings]);

  const requestFocus = useCallback((side: PaneSide) => {
    setFocusRequest((current) => ({ id: (current?.id ?? 1) + 1, side, visible: true }));
  }, []);
  // Answered requests are dropped, so a pane that mounts again later (after a restore) does not grab focus.
  const onFocusHandled = useCallback((id: number) => {
    setFocusRequest((current) => (current?.id === id ? null : current));
  }, []);

  const runShortcut = (command: ShortcutCommand) => {
    switch (command) {
      case 'focus-left':
      case 'focus-right': {
        const side: PaneSide = command === 'focus-left' ? 'left' : 'right';
        dispatch({ type: 'show', side });
        dispatch({ type: 'focus', side });
        requestFocus(side);
        break;
      }
      case 'toggle-library':
        dispatch({ type: 'toggle-sidebar' });
        break;
      case 'toggle-maximise':
        dispatch({ type: 'toggle-maximise', side: layout.focusedPane });
        break;
      case 'swap': {
        // Swapping remounts both texts; keep the keyboard in the pane it was in.
        const inText = document.activeElement?.closest('.pane-scroll') != null;
        dispatch({ type: 'swap' });
        if (inText) requestFocus(layout.focusedPane);
        break;
      }
      case 'settings':
        setDialog((current) => (current === 'settings' ? null : 'settings'));
        break;
      case 'help':
        setDialog('help');
        break;
      case 'import':
        openImportPicker();
        break;
      case 'palette':
        setDialog((current) => (current === 'palette' ? null : 'palette'));
        break;
      case 'toggle-compare': {
        const why = unavailableMessage(openDocuments);
        if (why && !compare.on) ui.say(why, 'error');
        else compare.toggle();
        break;
      }
      case 'toggle-aligned-scroll':
        if (compare.on) compare.toggleAligned();
        else ui.say('Aligned scrolling works while comparing: press C to compare the two texts first.');
        break;
      case 'next-suggestion':
      case 'previous-suggestion':
        if (compare.on) compare.requestStep(command === 'next-suggestion' ? 1 : -1);
        else ui.say('Press C to compare the two texts first; then J and K move between the suggestions.');
        break;
      case 'related-passages':
        related.ask();
        break;
      default:
        runAnnotationCommand(command, ui);
    }
  };
  useShortcuts(runShortcut, dialog !== null);

  const onOpenDocument = useCallback((side: PaneSide, documentId: string) => {
    dispatch({ type: 'show', side });
    dispatch({ type: 'open', side, documentId });
  }, []);
  const updateSettings = useCallback((patch: Partial<Settings>) => setSettings((current) => ({ ...current, ...patch })), []);
  const closeDialog = useCallback((open: boolean) => {
    if (!open) setDialog(null);
  }, []);

  const titleOf = (id: string | null) => library.documents.find((document) => document.id === id)?.title;
  const focusedTitle = titleOf(layout[layout.focusedPane].documentId);
  // The window title names the open texts, as the taskbar and window switcher show it.
  const windowTitle = [titleOf(layout.left.documentId), titleOf(layout.right.documentId)].filter(Boolean).join(' · ');
  useEffect(() => {
    document.title = windowTitle ? `${windowTitle} — Diptych` : 'Diptych';
  }, [windowTitle]);
  const focusedLabel = `${sideLabel(layout.focusedPane)} pane${focusedTitle ? ` — ${focusedTitle}` : ''}`;

  return (
    <AnnotationsProvider controller={annotations}>
      <div className="app-shell">
        <TopBar
          sidebarOpen={layout.sidebarOpen}
          notesOpen={ui.panelOpen}
          modifierLabel={modifierLabel}
          onToggleSidebar={() => dispatch({ type: 'toggle-sidebar' })}
          onToggleNotes={() => ui.setPanelOpen(!ui.panelOpen)}
          onOpenHelp={() => setDialog('help')}
          onOpenSettings={() => setDialog('settings')}
          compareOn={compare.on}
          compareAvailable={compare.available}
          onToggleCompare={compare.toggle}
        />
        <NoticeBanner notices={notices} failures={failures} onDismiss={dismiss} />
        {/* Lasts while the host holds changes in memory; when it has written them, the window's own failed saves go again. */}
        <UnsavedBanner
          rendererState={saveStatus.state}
          onRecovered={() => {
            persistence.retry();
            ui.retrySave();
          }}
        />
        <RestoredNotice />
        <LinkModeBanner />
        <CompareBar compare={compare} leftTitle={titleFor(layout.left.documentId)} rightTitle={titleFor(layout.right.documentId)} />
        <div className="workspace" data-testid="workspace-annotations" data-annotations={annotations.load.status}>
          <LibrarySidebar
            open={layout.sidebarOpen}
            documents={library.documents}
            left={layout.left.documentId}
            right={layout.right.documentId}
            onOpen={onOpenDocument}
            onImport={importFiles}
            onEditDetails={setEditingDocument}
            onRemove={setRemovingDocument}
            trash={library.trash}
            onShowTrash={library.refreshTrash}
            onRestore={library.restore}
            onEmptyTrash={() => void library.emptyTrash().then((changed) => (changed ? ui.reload() : undefined))}
            importInputRef={importInput}
          />
          <ReadingArea
            workspace={workspace}
            documents={library.documents}
            settings={settings}
            dispatch={dispatch}
            focusRequest={focusRequest}
            onFocusHandled={onFocusHandled}
            reveal={reveal}
            onRevealHandled={onRevealHandled}
            areaRef={compare.areaRef}
          >
            <CompareGutter containerRef={compare.areaRef} compare={compare} leftId={layout.left.documentId} rightId={layout.right.documentId} titleOf={titleFor} />
          </ReadingArea>
          <NotesPanel documents={library.documents} openDocuments={openDocuments} />
        </div>
        <StatusBar
          save={saveStatus}
          onRetrySave={() => {
            persistence.retry();
            ui.retrySave();
          }}
          focusedLabel={focusedLabel}
          selectionLength={selectionLength}
          message={ui.message}
        />
        <SettingsDialog open={dialog === 'settings'} onOpenChange={closeDialog} settings={settings} onChange={updateSettings} />
        <HelpDialog open={dialog === 'help'} onOpenChange={closeDialog} />
        <CommandPalette
          open={dialog === 'palette'}
          onOpenChange={closeDialog}
          documents={library.documents}
          openDocuments={openDocuments}
          theme={settings.theme}
          onThemeChange={(theme) => updateSettings({ theme })}
          workspace={{ openDocument: onOpenDocument, reveal: onReveal, run: runShortcut }}
          onImport={openImportPicker}
          compare={{ on: compare.on, aligned: compare.aligned }}
        />
        <SelectionToolbar onRelated={compare.available ? related.ask : undefined} />
        <RelatedPassages request={related.request} onClose={related.close} workspace={{ reveal: onReveal }} />
        <div className="floating-stack" data-beside-library={layout.sidebarOpen ? 'true' : undefined}>
          <ImportPanel items={library.imports} queue={library.queue} onOpen={onOpenDocument} />
          <RemovalToast removal={library.lastRemoval} onUndo={library.restore} onDismiss={library.dismissRemoval} />
          <CompareToastView compare={compare} />
        </div>
        {draggingFiles ? (
          <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
            <p>Drop to import into your library</p>
            <p className="drop-overlay-hint">Text, Markdown, HTML or PDF · up to 200 MB each</p>
          </div>
        ) : null}
        <DocumentDetailsDialog document={editingDocument} onClose={() => setEditingDocument(null)} onSave={library.update} knownCollections={collectionsOf(library.documents)} />
        <RemoveDocumentDialog
          document={removingDocument}
          onCancel={() => setRemovingDocument(null)}
          onConfirm={(document) => {
            setRemovingDocument(null);
            void library.remove(document);
          }}
        />
      </div>
    </AnnotationsProvider>
  );
}

/** The whole renderer: never a blank screen, whatever fails. */
export function App() {
  const { state, retry } = useBootstrap();
  if (state.status === 'loading') return <BootLoading />;
  if (state.status === 'error') return <BootError message={state.message} onRetry={retry} />;
  return <Workspace data={state.data} />;
}
