/**
 * The workspace: which documents the panes show, where each is scrolled, the
 * split, the sidebar and which pane is maximised or focused. A pure reducer
 * over the contract's `Layout`, so every change is easy to test and to save.
 */
import type { Layout, PaneSide } from '../../../electron/api/contract';

/** The layout plus what only this window needs to know. */
export interface WorkspaceState {
  layout: Layout;
  /** Bumped when a pane gets a new document or position from outside, so its reader remounts and restores. */
  generation: Record<PaneSide, number>;
  /** Whether each pane is scrolled to its very end (the position then reads 100%). */
  atEnd: Record<PaneSide, boolean>;
}

/** Everything that can change the workspace. */
export type WorkspaceAction =
  | { type: 'open'; side: PaneSide; documentId: string }
  | { type: 'close'; side: PaneSide }
  | { type: 'swap' }
  | { type: 'toggle-sidebar' }
  | { type: 'toggle-maximise'; side: PaneSide }
  | { type: 'show'; side: PaneSide }
  | { type: 'focus'; side: PaneSide }
  | { type: 'split'; split: number }
  | { type: 'position'; side: PaneSide; position: number; atEnd: boolean };

/** The smallest and largest share a pane may take (the contract allows 0.1–0.9). */
export const MIN_SPLIT = 0.2;
export const MAX_SPLIT = 0.8;

/** The other pane. */
export function otherSide(side: PaneSide): PaneSide {
  return side === 'left' ? 'right' : 'left';
}

/** Keeps a stored split within what the panes allow. */
export function clampSplit(split: number): number {
  if (!Number.isFinite(split)) return 0.5;
  return Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, Math.round(split * 1000) / 1000));
}

/** The starting state for a layout loaded from the session. */
export function initialWorkspace(layout: Layout): WorkspaceState {
  return {
    layout: { ...layout, split: clampSplit(layout.split) },
    generation: { left: 0, right: 0 },
    atEnd: { left: false, right: false },
  };
}

function bump(state: WorkspaceState, ...sides: PaneSide[]): Record<PaneSide, number> {
  const generation = { ...state.generation };
  for (const side of sides) generation[side]++;
  return generation;
}

/** Applies one action; returns the same object when nothing changes. */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  const { layout } = state;
  switch (action.type) {
    case 'open': {
      if (layout[action.side].documentId === action.documentId) return state;
      return {
        layout: { ...layout, [action.side]: { documentId: action.documentId, position: 0 } },
        generation: bump(state, action.side),
        atEnd: { ...state.atEnd, [action.side]: false },
      };
    }
    case 'close':
      if (layout[action.side].documentId === null) return state;
      return {
        layout: { ...layout, [action.side]: { documentId: null, position: 0 } },
        generation: bump(state, action.side),
        atEnd: { ...state.atEnd, [action.side]: false },
      };
    case 'swap':
      return {
        layout: { ...layout, left: layout.right, right: layout.left },
        generation: bump(state, 'left', 'right'),
        atEnd: { left: state.atEnd.right, right: state.atEnd.left },
      };
    case 'toggle-sidebar':
      return { ...state, layout: { ...layout, sidebarOpen: !layout.sidebarOpen } };
    case 'toggle-maximise':
      return { ...state, layout: { ...layout, maximised: layout.maximised === action.side ? null : action.side, focusedPane: action.side } };
    case 'show':
      // A pane hidden behind the other's maximised view comes back.
      if (layout.maximised === null || layout.maximised === action.side) return state;
      return { ...state, layout: { ...layout, maximised: null } };
    case 'focus':
      if (layout.focusedPane === action.side) return state;
      return { ...state, layout: { ...layout, focusedPane: action.side } };
    case 'split': {
      const split = clampSplit(action.split);
      if (split === layout.split) return state;
      return { ...state, layout: { ...layout, split } };
    }
    case 'position': {
      const pane = layout[action.side];
      if (pane.position === action.position && state.atEnd[action.side] === action.atEnd) return state;
      return {
        ...state,
        layout: { ...layout, [action.side]: { ...pane, position: action.position } },
        atEnd: { ...state.atEnd, [action.side]: action.atEnd },
      };
    }
  }
}
