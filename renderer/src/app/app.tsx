/**
 * The window: start-up, then the workspace (library, two panes, status
 * bar) with its dialogs and shortcuts.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { Notice, PaneSide, Settings } from '../../../electron/api/contract';
import { api } from '../api';
import { sideLabel } from '../library/format';
import { LibrarySidebar } from '../library/library-sidebar';
import { ReadingArea, type FocusRequest } from '../panes/reading-area';
import { applySettings } from './apply-settings';
import { BootError, BootLoading } from './boot-screen';
import { HelpDialog } from './help-dialog';
import { NoticeBanner } from './notice-banner';
import { SettingsDialog } from './settings-dialog';
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
    <div className="app-shell">
      <TopBar
        sidebarOpen={layout.sidebarOpen}
        modifierLabel={modifierLabel}
        onToggleSidebar={() => dispatch({ type: 'toggle-sidebar' })}
        onOpenHelp={() => setDialog('help')}
        onOpenSettings={() => setDialog('settings')}
      />
      <NoticeBanner notices={notices} failures={failures} onDismiss={dismiss} />
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
        />
      </div>
      <StatusBar save={persistence.status} onRetrySave={persistence.retry} focusedLabel={focusedLabel} selectionLength={selectionLength} />
      <SettingsDialog open={dialog === 'settings'} onOpenChange={closeDialog} settings={settings} onChange={updateSettings} />
      <HelpDialog open={dialog === 'help'} onOpenChange={closeDialog} />
    </div>
  );
}

/** The whole renderer: never a blank screen, whatever fails. */
export function App() {
  const { state, retry } = useBootstrap();
  if (state.status === 'loading') return <BootLoading />;
  if (state.status === 'error') return <BootError message={state.message} onRetry={retry} />;
  return <Workspace data={state.data} />;
}
