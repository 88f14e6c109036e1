import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/api/annotation-schema';
import { describePassage } from '../../../../electron/core/anchoring';
import { newHighlight, newLink, newNote, passageTarget, withColour } from '../../../../renderer/src/annotations/annotation-factory';
import { AnnotationStore } from '../../../../renderer/src/annotations/annotation-store';
import { AnchorResolver, type DocumentAnchors } from '../../../../renderer/src/annotations/document-anchors';

const TEXT = 'In August 1939, an announcement of a pact between two nations stunned the world. '.repeat(40);
const DOC = 'soviet-overtures-1939';
const at = (start: number, end: number) => passageTarget(DOC, describePassage(TEXT, start, end));

/** What a reader can see of the anchors: ranges, passages and orphans, in a stable order. */
function shape(anchors: DocumentAnchors) {
  return {
    ranges: anchors.decorations.ranges.map((r) => `${r.id}:${r.kind}:${r.start}-${r.end}:${r.colour ?? ''}`),
    passages: [...anchors.passages.entries()].sort(([a], [b]) => a.localeCompare(b)),
    orphans: anchors.orphans.map((o) => `${o.annotation.id}#${o.targetIndex}`).sort(),
  };
}

describe('AnchorResolver', () => {
  it('places highlights, notes and links, and lists a passage whose quote is gone as an orphan', () => {
    const highlight = newHighlight(at(3, 9), 'blue');
    const note = newNote('# Why', [at(20, 40)]);
    const link = newLink([at(100, 120), passageTarget('other', describePassage('elsewhere entirely', 0, 9))]);
    const lost = newHighlight(passageTarget(DOC, [{ type: 'TextQuoteSelector', exact: 'not in this text at all', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 5, end: 28 }]), 'pink');
    const anchors = new AnchorResolver().anchor(DOC, TEXT, [highlight, note, link, lost]);
    expect(shape(anchors).ranges).toEqual([`${highlight.id}:highlight:3-9:blue`, `${note.id}:note:20-40:`, `${link.id}:link:100-120:`]);
    expect(anchors.passages.get(link.id)).toEqual([{ annotationId: link.id, targetIndex: 0, start: 100, end: 120 }]);
    expect(anchors.orphans.map((o) => [o.annotation.id, o.quote])).toEqual([[lost.id, 'not in this text at all']]);
  });

  it('updates incrementally to exactly what anchoring afresh gives', () => {
    const store = new AnnotationStore();
    const resolver = new AnchorResolver();
    const many: Annotation[] = [];
    for (let i = 0; i < 300; i++) many.push(newHighlight(at(i * 10, i * 10 + 7), i % 2 ? 'green' : 'yellow'));
    store.reset(many);
    const first = resolver.anchor(DOC, TEXT, [...store.snapshot().byId.values()]);
    const version = store.snapshot().version;

    const added = newNote('# New', [at(15, 55)]);
    store.apply([
      [added.id, added],
      [many[3]!.id, withColour(many[3]!, 'purple')],
      [many[7]!.id, null],
    ]);
    const changed = store.changedSince(version)!;
    expect([...changed].sort()).toEqual([added.id, many[3]!.id, many[7]!.id].sort());
    const updated = resolver.update(first, TEXT, changed, (id) => store.get(id));
    const fresh = new AnchorResolver().anchor(DOC, TEXT, [...store.snapshot().byId.values()]);
    expect(shape(updated)).toEqual(shape(fresh));
  });

  it('cannot say what changed across a reset', () => {
    const store = new AnnotationStore();
    store.reset([]);
    const version = store.snapshot().version;
    store.reset([newHighlight(at(0, 5), 'yellow')]);
    expect(store.changedSince(version)).toBeNull();
  });
});
