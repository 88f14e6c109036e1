import { describe, expect, it, vi } from 'vitest';
import { markdownOf, type Annotation } from '../../../../electron/api/annotation-schema';
import { AnnotationActions, type ActionHost } from '../../../../renderer/src/annotations/annotation-actions';
import { AnnotationHistory } from '../../../../renderer/src/annotations/annotation-history';
import { AnnotationStore } from '../../../../renderer/src/annotations/annotation-store';
import { AnnotationSync } from '../../../../renderer/src/annotations/annotation-sync';
import type { SelectionResult } from '../../../../renderer/src/annotations/selection-passage';
import { note, passage } from '../../../fixtures/annotations/factory';

function setup(selection: () => SelectionResult = () => ({ ok: true, passage: { side: 'left', documentId: 'soviet-overtures-1939', start: 10, end: 20, target: passage('soviet-overtures-1939', 10, 20, 'ten words.') } })) {
  const disk = new Map<string, Annotation>();
  const sync = new AnnotationSync({
    put: async (a) => void disk.set(a.id, a),
    delete: async (id) => void disk.delete(id),
  });
  const store = new AnnotationStore();
  const history = new AnnotationHistory();
  const said: string[] = [];
  let linkSource: ReturnType<ActionHost['linkSource']> = null;
  const host: ActionHost = {
    readSelection: selection,
    clearSelection: vi.fn(),
    say: (text) => said.push(text),
    select: vi.fn(),
    linkSource: () => linkSource,
    setLinkSource: (p) => {
      linkSource = p;
    },
  };
  const actions = new AnnotationActions(store, sync, history, host);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { disk, store, history, actions, said, host, settled, sync };
}

describe('undo and redo', () => {
  it('undoes and redoes a highlight, its recolouring and its deletion, on screen and on disk', async () => {
    const { actions, store, disk, settled } = setup();
    const created = actions.highlight('yellow')!;
    await settled();
    expect(disk.get(created.id)?.['diptych:colour']).toBe('yellow');
    actions.recolour(created.id, 'blue');
    actions.remove(created.id);
    await settled();
    expect(store.get(created.id)).toBeUndefined();
    expect(disk.has(created.id)).toBe(false);

    actions.undo();
    await settled();
    expect(store.get(created.id)?.['diptych:colour']).toBe('blue');
    expect(disk.get(created.id)?.['diptych:colour']).toBe('blue');
    actions.undo();
    expect(store.get(created.id)?.['diptych:colour']).toBe('yellow');
    actions.undo();
    await settled();
    expect(store.get(created.id)).toBeUndefined();
    expect(disk.has(created.id)).toBe(false);

    actions.redo();
    actions.redo();
    await settled();
    expect(disk.get(created.id)?.['diptych:colour']).toBe('blue');
  });

  it('treats a run of typing in one note as one step, and a new run after blur as another', async () => {
    const { actions, store, disk } = setup();
    vi.useFakeTimers();
    try {
      const created = actions.newNote();
      for (const text of ['H', 'He', 'Hello']) actions.editMarkdown(created.id, text);
      actions.endEditing();
      for (const text of ['Hello!', 'Hello!!']) actions.editMarkdown(created.id, text);
      await vi.runAllTimersAsync();
      expect(markdownOf(disk.get(created.id)!)).toBe('Hello!!');
      actions.undo();
      expect(markdownOf(store.get(created.id)!)).toBe('Hello');
      actions.undo();
      expect(markdownOf(store.get(created.id)!)).toBe('');
      actions.undo();
      expect(store.get(created.id)).toBeUndefined();
      await vi.runAllTimersAsync();
      expect(disk.has(created.id)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets what could be redone once a new change is made', () => {
    const { actions, history } = setup();
    actions.highlight('green');
    actions.undo();
    expect(history.canRedo).toBe(true);
    actions.highlight('pink');
    expect(history.canRedo).toBe(false);
  });

  it('undoes a link, a tag change and a re-attachment', () => {
    let start = 10;
    const { actions, store } = setup(() => {
      start += 100;
      return { ok: true, passage: { side: 'left', documentId: 'soviet-overtures-1939', start, end: start + 5, target: passage('soviet-overtures-1939', start, start + 5) } };
    });
    expect(actions.startLink()).toBe(true);
    const created = actions.completeLink()!;
    expect(created.target).toHaveLength(2);
    actions.setTags(created.id, ['pact', 'pact', ' ']);
    expect(store.get(created.id)!.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'pact' }]);
    actions.reattach(created.id, 0);
    expect((store.get(created.id)!.target[0] as { selector: [unknown, { start: number }, ...unknown[]] }).selector[1].start).toBe(310);
    actions.undo();
    expect((store.get(created.id)!.target[0] as { selector: [unknown, { start: number }, ...unknown[]] }).selector[1].start).toBe(110);
    actions.undo();
    expect(store.get(created.id)!.body).toEqual([]);
    actions.undo();
    expect(store.get(created.id)).toBeUndefined();
  });

  it('creates nothing and says why when the selection cannot be a passage', () => {
    const { actions, store, said } = setup(() => ({ ok: false, message: 'The selection holds only spaces.' }));
    expect(actions.highlight('yellow')).toBeNull();
    expect(actions.noteOnSelection()).toBeNull();
    expect(actions.startLink()).toBe(false);
    expect(store.snapshot().byId.size).toBe(0);
    expect(said).toEqual(['The selection holds only spaces.', 'The selection holds only spaces.', 'The selection holds only spaces.']);
  });

  it('keeps a note over 1 MB out of the store and says why', () => {
    const { actions, store } = setup();
    const created = actions.newNote('short');
    const result = actions.editMarkdown(created.id, 'x'.repeat(1_000_001));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/1,000,001 characters.*kept in the editor but not saved/);
    expect(markdownOf(store.get(created.id)!)).toBe('short');
  });

  it('keeps an edited note that existed before the session', () => {
    const { actions, store } = setup();
    const existing = note('# Old');
    store.reset([existing]);
    actions.editMarkdown(existing.id, '# New');
    actions.undo();
    expect(store.get(existing.id)).toBe(existing);
  });
});
