/**
 * What the annotation shortcuts do, given the window's annotation state.
 */
import type { ShortcutCommand } from '../app/shortcuts';
import type { AnnotationUi } from './annotations-context';
import { HIGHLIGHT_COLOURS } from './colours';
import { selectionTouchesText } from './selection-passage';

/** Runs an annotation shortcut; returns false when `command` is not one. */
export function runAnnotationCommand(command: ShortcutCommand, ui: AnnotationUi): boolean {
  const { actions } = ui;
  for (const colour of HIGHLIGHT_COLOURS) {
    if (command === `highlight-${colour}`) {
      actions.highlight(colour);
      return true;
    }
  }
  switch (command) {
    case 'note':
      // With nothing selected, N starts a note in the notebook rather than scolding.
      if (selectionTouchesText(document) === null && (document.getSelection()?.isCollapsed ?? true)) actions.newNote();
      else actions.noteOnSelection();
      return true;
    case 'link':
      if (ui.linkSource) actions.completeLink();
      else actions.startLink();
      return true;
    case 'undo':
      actions.undo();
      return true;
    case 'redo':
      actions.redo();
      return true;
    case 'toggle-notes':
      ui.setPanelOpen(!ui.panelOpen);
      return true;
    default:
      return false;
  }
}
