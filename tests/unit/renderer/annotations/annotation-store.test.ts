import { describe, expect, it } from 'vitest';
import { describePassage } from '../../../../electron/core/anchoring';
import { newHighlight, passageTarget } from '../../../../renderer/src/annotations/annotation-factory';
import { annotationsOfDocument, AnnotationStore } from '../../../../renderer/src/annotations/annotation-store';

const TEXT = 'One passage here, and another passage there.';
const highlightIn = (documentId: string, colour: 'yellow' | 'blue') => newHighlight(passageTarget(documentId, describePassage(TEXT, 4, 11)), colour);

describe('AnnotationStore.merge', () => {
  it('adds the annotations of a document opened later, and logs only those as changed', () => {
    const store = new AnnotationStore();
    const first = highlightIn('a', 'yellow');
    store.reset([first]);
    const version = store.snapshot().version;
    const later = highlightIn('b', 'blue');
    store.merge([later]);
    expect(annotationsOfDocument(store.snapshot(), 'b')).toEqual([later]);
    expect([...store.changedSince(version)!]).toEqual([later.id]);
  });

  it('keeps the local copy of an annotation it already holds (it may be newer than the disk)', () => {
    const store = new AnnotationStore();
    const local = highlightIn('a', 'yellow');
    store.reset([local]);
    const version = store.snapshot().version;
    store.merge([{ ...local, 'diptych:colour': 'blue' }]);
    expect(store.get(local.id)?.['diptych:colour']).toBe('yellow');
    // Nothing new: no new snapshot, so nothing re-renders.
    expect(store.snapshot().version).toBe(version);
  });
});

describe('AnnotationStore.fill', () => {
  it('adds the rest of a load in parts, but not what was deleted or changed here meanwhile', () => {
    const store = new AnnotationStore();
    const nearby = highlightIn('a', 'yellow');
    store.reset([nearby]);
    const loaded = store.snapshot().version;
    // Meanwhile the reader recolours the nearby highlight and deletes another one the rest still carries.
    const deleted = highlightIn('a', 'blue');
    store.apply([[deleted.id, null]]);
    store.apply([[nearby.id, { ...nearby, 'diptych:colour': 'blue' }]]);
    const rest = highlightIn('b', 'yellow');
    store.fill([nearby, deleted, rest], loaded);
    expect(store.get(nearby.id)?.['diptych:colour']).toBe('blue');
    expect(store.get(deleted.id)).toBeUndefined();
    expect(store.get(rest.id)).toEqual(rest);
  });

  it('only adds what it lacks after a reload replaced everything since', () => {
    const store = new AnnotationStore();
    store.reset([]);
    const loaded = store.snapshot().version;
    const reloaded = highlightIn('a', 'yellow');
    store.reset([reloaded]);
    const rest = highlightIn('b', 'blue');
    store.fill([{ ...reloaded, 'diptych:colour': 'blue' }, rest], loaded);
    expect(store.get(reloaded.id)?.['diptych:colour']).toBe('yellow');
    expect(store.get(rest.id)).toEqual(rest);
  });
});
