/**
 * The window: start-up, then the workspace (library, two panes, status
 * bar) with its dialogs and shortcuts.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Notice, PaneSide, Settings } from '../../../electron/api/contract';
import { AnnotationsProvider, useAnnotationsController } from '../annotations/annotations-provider';
import { LinkModeBanner } from '../annotations/link-mode-banner';
import { NotesPanel } from '../annotations/panel/notes-panel';
import { paneForReveal, type RevealRequest, type RevealTarget } from '../annotations/reveal';
import { runAnnotationCommand } from '../annotations/run-annotation-command';
import { SelectionToolbar } from '../annotations/selection-toolbar';
import { api } from '../api';
import { useLatest } from '../lib/use-latest';
import { sideLabel } from '../library/format';
import { LibrarySidebar } from '../library/library-sidebar';
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

type OpenDialog = 'settings' | 'help' | null;

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
  const annotations = useAnnotationsController({ openDocuments, onReveal });
  const { ui } = annotations;
  const saveStatus = useMemo(() => combineStatus([persistence.status, ui.saveStatus]), [persistence.status, ui.saveStatus]);

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

  const titleOf = (id: string | null) => data.documents.find((document) => document.id === id)?.title;
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
        <div className="workspace">
          <LibrarySidebar
            open={layout.sidebarOpen}
            documents={data.documents}
            left={layout.left.documentId}
            right={layout.right.documentId}
            onOpen={onOpenDocument}
          />
          <ReadingArea
            workspace={workspace}
            documents={data.documents}
            settings={settings}
            dispatch={dispatch}
            focusRequest={focusRequest}
            onFocusHandled={onFocusHandled}
            reveal={reveal}
            onRevealHandled={onRevealHandled}
          />
          <NotesPanel documents={data.documents} openDocuments={openDocuments} />
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
        <SelectionToolbar />
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
