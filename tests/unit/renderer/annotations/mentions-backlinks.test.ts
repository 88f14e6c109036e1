import { describe, expect, it } from 'vitest';
import { backlinksOf, mentionIndex } from '../../../../renderer/src/annotations/backlinks';
import { completeMention, mentionQueryAt, mentionsIn, suggestTitles, titleKey } from '../../../../renderer/src/annotations/mentions';
import { highlight, link, note, passage } from '../../../fixtures/annotations/factory';

describe('[[Title]] mentions', () => {
  it('finds each mentioned title once, trimmed, in order', () => {
    expect(mentionsIn('See [[Chestnut speech]], then [[ Litvinov ]] and [[chestnut  SPEECH]] again.')).toEqual(['Chestnut speech', 'Litvinov']);
  });

  it('ignores brackets that do not make a mention', () => {
    expect(mentionsIn('[single] [[]] [[ ]] [[two\nlines]] [[a]b]]')).toEqual([]);
  });

  it('compares titles without regard to case or runs of blanks', () => {
    expect(titleKey('  The  Chestnut\tSpeech ')).toBe('the chestnut speech');
  });

  it('knows when the caret is inside an unfinished mention', () => {
    expect(mentionQueryAt('Compare [[Chest', 15)).toEqual({ start: 8, query: 'Chest' });
    expect(mentionQueryAt('Compare [[Chest]] and', 21)).toBeNull();
    expect(mentionQueryAt('no mention here', 5)).toBeNull();
    expect(mentionQueryAt('[[a\nb', 5)).toBeNull();
  });

  it('completes the mention being typed and puts the caret after it', () => {
    expect(completeMention('Compare [[Chest with', 15, 'Chestnut speech')).toEqual({ value: 'Compare [[Chestnut speech]] with', caret: 27 });
    expect(completeMention('x [[Ch]] y', 6, 'Chestnut')).toEqual({ value: 'x [[Chestnut]] y', caret: 14 });
  });

  it('suggests titles starting with the query first, then those containing it', () => {
    expect(suggestTitles(['Guarantee to Poland', 'Poland', 'Soviet offer', 'The Polish question'], 'pol')).toEqual(['Poland', 'Guarantee to Poland', 'The Polish question']);
    expect(suggestTitles(['A', 'B'], '')).toEqual(['A', 'B']);
  });
});

describe('backlinks', () => {
  const soviet = (start: number, end: number) => passage('soviet-overtures-1939', start, end);
  const london = (start: number, end: number) => passage('londons-dilemma-1939', start, end);

  it('lists links and notes on an overlapping passage, and notes mentioning a note by its title', () => {
    const target = highlight(soviet(100, 150));
    const linked = link([soviet(120, 130), london(10, 40)], 'Same demand');
    const noteOnIt = note('# A gloss\n\nOn this passage', [soviet(140, 200)]);
    const elsewhere = note('# Elsewhere', [soviet(300, 400)]);
    const otherDocument = note('# Other text', [london(100, 150)]);
    const all = [target, linked, noteOnIt, elsewhere, otherDocument];
    expect(backlinksOf(target, { all }).map((b) => [b.annotation.id, b.reason])).toEqual([
      [linked.id, 'link'],
      [noteOnIt.id, 'note'],
    ]);
  });

  it('finds the notes that mention a note, whatever the case of the mention', () => {
    const chestnut = note('# Chestnut speech\n\nStalin, March 1939.');
    const mentioning = note('Compare [[chestnut SPEECH]] with the guarantee.');
    const linkMentioning = link([soviet(1, 5), london(1, 5)], 'See [[Chestnut speech]]');
    const unrelated = note('See [[Something else]]');
    const all = [chestnut, mentioning, linkMentioning, unrelated];
    const found = backlinksOf(chestnut, { all, mentions: mentionIndex(all) });
    expect(found.map((b) => b.reason)).toEqual(['mention', 'mention']);
    expect(found.map((b) => b.annotation.id).sort()).toEqual([mentioning.id, linkMentioning.id].sort());
  });

  it('judges overlap where passages are now when a locator says so', () => {
    const target = highlight(soviet(100, 150));
    const moved = note('# Moved', [soviet(500, 520)]);
    const locate = (a: { id: string }, _index: number, t: { selector: [unknown, { start: number; end: number }, ...unknown[]] }) =>
      a.id === moved.id ? { documentId: 'soviet-overtures-1939', start: 110, end: 120 } : { documentId: 'soviet-overtures-1939', start: t.selector[1].start, end: t.selector[1].end };
    expect(backlinksOf(target, { all: [target, moved], locate }).map((b) => b.annotation.id)).toEqual([moved.id]);
  });

  it('never lists an annotation as its own backlink', () => {
    const self = note('# Self [[Self]]', [soviet(0, 10)]);
    expect(backlinksOf(self, { all: [self] })).toEqual([]);
  });
});
