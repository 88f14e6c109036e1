// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../../electron/api/contract';
import { initialWorkspace, workspaceReducer } from '../../../renderer/src/app/workspace-state';

const layout: Layout = {
  left: { documentId: 'a', position: 120 },
  right: { documentId: 'b', position: 40 },
  split: 0.5,
  sidebarOpen: true,
  maximised: null,
  focusedPane: 'left',
};

describe('workspaceReducer', () => {
  it('opens a document at its start and remounts the pane', () => {
    const state = workspaceReducer(initialWorkspace(layout), { type: 'open', side: 'right', documentId: 'c' });
    expect(state.layout.right).toEqual({ documentId: 'c', position: 0 });
    expect(state.generation.right).toBe(1);
    expect(state.generation.left).toBe(0);
  });

  it('leaves the state alone when the document is already open there', () => {
    const start = initialWorkspace(layout);
    expect(workspaceReducer(start, { type: 'open', side: 'left', documentId: 'a' })).toBe(start);
  });

  it('swaps documents together with their positions', () => {
    const state = workspaceReducer(initialWorkspace(layout), { type: 'swap' });
    expect(state.layout.left).toEqual({ documentId: 'b', position: 40 });
    expect(state.layout.right).toEqual({ documentId: 'a', position: 120 });
    expect(state.generation).toEqual({ left: 1, right: 1 });
  });

  it('maximises, restores, and shows a hidden pane again', () => {
    let state = workspaceReducer(initialWorkspace(layout), { type: 'toggle-maximise', side: 'right' });
    expect(state.layout.maximised).toBe('right');
    expect(state.layout.focusedPane).toBe('right');
    state = workspaceReducer(state, { type: 'show', side: 'left' });
    expect(state.layout.maximised).toBeNull();
    state = workspaceReducer(state, { type: 'toggle-maximise', side: 'left' });
    state = workspaceReducer(state, { type: 'toggle-maximise', side: 'left' });
    expect(state.layout.maximised).toBeNull();
  });

  it('keeps the split within the panes’ limits', () => {
    expect(workspaceReducer(initialWorkspace(layout), { type: 'split', split: 0.05 }).layout.split).toBe(0.2);
    expect(workspaceReducer(initialWorkspace(layout), { type: 'split', split: 0.6666 }).layout.split).toBe(0.667);
    expect(initialWorkspace({ ...layout, split: 0.9 }).layout.split).toBe(0.8);
  });

  it('records positions without remounting anything', () => {
    const start = initialWorkspace(layout);
    const state = workspaceReducer(start, { type: 'position', side: 'left', position: 500, atEnd: true });
    expect(state.layout.left.position).toBe(500);
    expect(state.atEnd.left).toBe(true);
    expect(state.generation).toBe(start.generation);
    expect(workspaceReducer(state, { type: 'position', side: 'left', position: 500, atEnd: true })).toBe(state);
  });

  it('closes a document and toggles the sidebar', () => {
    let state = workspaceReducer(initialWorkspace(layout), { type: 'close', side: 'left' });
    expect(state.layout.left).toEqual({ documentId: null, position: 0 });
    state = workspaceReducer(state, { type: 'toggle-sidebar' });
    expect(state.layout.sidebarOpen).toBe(false);
  });
});
