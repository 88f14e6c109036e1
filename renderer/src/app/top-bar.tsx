/**
 * The slim bar above everything: the library toggle, the app's name, and
 * the buttons for help and reading settings.
 */
import { Columns2, Keyboard, PanelLeftClose, PanelLeftOpen, PanelRightClose, PanelRightOpen, Settings2 } from 'lucide-react';
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
  /** Compare mode: on or off, and whether both panes show a document so it can start. */
  compareOn?: boolean;
  compareAvailable?: boolean;
  onToggleCompare?: () => void;
}

/** The application bar. */
export function TopBar({ sidebarOpen, notesOpen, modifierLabel, onToggleSidebar, onToggleNotes, onOpenHelp, onOpenSettings, compareOn = false, compareAvailable = false, onToggleCompare }: TopBarProps) {
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
      {onToggleCompare ? (
        <button
          type="button"
          className="button button-small top-bar-toggle"
          aria-pressed={compareOn}
          disabled={!compareAvailable && !compareOn}
          title={compareAvailable || compareOn ? `${compareOn ? 'Stop comparing' : 'Compare the two texts'} (C)` : 'Open a document in each pane to compare them'}
          onClick={onToggleCompare}
          data-testid="compare-toggle"
        >
          <Columns2 aria-hidden="true" />
          Compare
        </button>
      ) : null}
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
