/**
 * The slim bar above everything: the library toggle, the app's name, and
 * the buttons for help and reading settings.
 */
import { Keyboard, PanelLeftClose, PanelLeftOpen, PanelRightClose, PanelRightOpen, Settings2 } from 'lucide-react';
import { NOTES_PANEL_ID } from '../annotations/panel/panel-ids';
import { LIBRARY_ID } from '../library/library-sidebar';

/** Props of {@link TopBar}. */
export interface TopBarProps {
  sidebarOpen: boolean;
  notesOpen: boolean;
  modifierLabel: string;
  onToggleSidebar: () => void;
  onToggleNotes: () => void;
  onOpenHelp: () => void;
  onOpenSettings: () => void;
}

/** The application bar. */
export function TopBar({ sidebarOpen, notesOpen, modifierLabel, onToggleSidebar, onToggleNotes, onOpenHelp, onOpenSettings }: TopBarProps) {
  return (
    <header className="top-bar">
      <button
        type="button"
        className="icon-button"
        aria-label="Toggle library"
        aria-expanded={sidebarOpen}
        aria-controls={LIBRARY_ID}
        title={`${sidebarOpen ? 'Hide' : 'Show'} library (${modifierLabel}+B)`}
        onClick={onToggleSidebar}
      >
        {sidebarOpen ? <PanelLeftClose aria-hidden="true" /> : <PanelLeftOpen aria-hidden="true" />}
      </button>
      <h1 className="app-name">Diptych</h1>
      <span className="top-bar-spacer" />
      <button type="button" className="icon-button" aria-label="Show keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onOpenHelp}>
        <Keyboard aria-hidden="true" />
      </button>
      <button type="button" className="icon-button" aria-label="Reading settings" title={`Reading settings (${modifierLabel}+,)`} onClick={onOpenSettings}>
        <Settings2 aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Toggle notes panel"
        aria-expanded={notesOpen}
        aria-controls={NOTES_PANEL_ID}
        title={`${notesOpen ? 'Hide' : 'Show'} notes (${modifierLabel}+.)`}
        onClick={onToggleNotes}
      >
        {notesOpen ? <PanelRightClose aria-hidden="true" /> : <PanelRightOpen aria-hidden="true" />}
      </button>
    </header>
  );
}
