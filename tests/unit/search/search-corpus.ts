/**
 * A small hand-written library about the 1939 negotiations, for the search
 * tests: six documents of a few paragraphs and three notes. Each word the
 * tests rely on is placed on purpose; the comments say where.
 */
import { expect } from 'vitest';
import { LibrarySearch, foldTerm, type DocumentGroup, type SearchHit, type SearchResults } from '../../../electron/core/search';

/** One passage per paragraph, as the index was first built: the tests of slicing, updates and ranking are written paragraph by paragraph. */
export const PARAGRAPHS = { minPassageChars: 0 };

export interface CorpusDocument {
  id: string;
  title: string;
  text: string;
}

export const corpus: CorpusDocument[] = [
  {
    id: 'talks',
    title: 'The Moscow Talks',
    text: [
      // "negotiations" for the prefix test; "Molotov" with "Litvinov" for the AND test.
      'In the spring of 1939 the negotiations between London, Paris and Moscow began in earnest.',
      'Molotov pressed the Western envoys for guarantees covering the Baltic States.',
      'The British delegation travelled slowly, by ship, and carried no powers to sign.',
    ].join('\n\n'),
  },
  {
    id: 'litvinov',
    title: 'The Fall of Litvinov',
    text: [
      // A title word ("Litvinov") that the first paragraph does not repeat: a title-only passage.
      'Maxim was the voice of collective security at Geneva for most of the decade.',
      'In May 1939 Stalin dismissed Litvinov and gave the foreign ministry to Molotov.',
      'Litvinov had been dismissed without warning; his deputies were arrested within days.',
    ].join('\n\n'),
  },
  {
    id: 'pact',
    title: 'The Pact of August',
    text: [
      // "treaty" exactly, against "treats" in the next document, for exact-beats-fuzzy.
      'On 23 August the treaty of non-aggression was signed in the Kremlin by Ribbentrop and Mólotov.',
      'A secret protocol divided Eastern Europe into spheres of influence.',
    ].join('\n\n'),
  },
  {
    id: 'historians',
    title: 'Historians and the Question of Blame',
    text: [
      'Overy treats the Western hesitation as a failure of imagination rather than of will.',
      // Accented spellings for folding: "naïve", "détente".
      'Some called the British approach naïve; others saw a brief détente that nobody trusted.',
      'The guarantee to Poland in March changed what each side could offer in the summer.',
    ].join('\n\n'),
  },
  {
    id: 'poland',
    title: 'Poland Between Two Powers',
    text: [
      'Warsaw refused any passage of Soviet troops across Polish soil, fearing they would never leave.',
      'The guarantee given by London in March 1939 made Poland the hinge of every plan.',
    ].join('\n\n'),
  },
  {
    id: 'long',
    title: 'A Long Paragraph',
    // One long paragraph: the matched word sits far from both ends, so the snippet is cut on both sides.
    text:
      'Delegates came and went through the long summer while the newspapers of every capital printed rumours about the progress of the conversations and the mood of the staff officers who waited in hotel lobbies for instructions that never seemed to arrive from home. ' +
      'At last the admiral produced a letter of credence that satisfied nobody, and the Soviet marshal Voroshilov asked plainly whether Polish consent had been obtained for the passage of the Red Army. ' +
      'Nobody at the table could answer him, and the talks adjourned without a date for the next session, which in the event never took place because the news from Berlin overtook them all.',
  },
];

export interface CorpusNote {
  id: string;
  title: string;
  body: string;
  documentIds: string[];
}

export const notes: CorpusNote[] = [
  { id: 'n-molotov', title: 'Why Molotov?', body: 'Replacing Litvinov with Molotov signalled that Moscow was ready to talk to Berlin.', documentIds: ['litvinov'] },
  { id: 'n-ship', title: 'The slow ship', body: 'The mission sailed on a slow merchant ship; nobody in London thought speed mattered.', documentIds: ['talks'] },
  { id: 'n-notebook', title: 'Reading list', body: 'Overy, The Origins of the Second World War; Carley, 1939: The Alliance That Never Was.', documentIds: [] },
];

/** The corpus indexed in a fresh LibrarySearch, notes included. */
export function corpusSearch(): LibrarySearch {
  const search = new LibrarySearch(PARAGRAPHS);
  for (const { id, title, text } of corpus) search.addDocument(id, title, text);
  for (const { id, title, body, documentIds } of notes) search.upsertNote(id, title, body, documentIds);
  return search;
}

/** The text of corpus document `id`. */
export function corpusText(id: string): string {
  const document = corpus.find((d) => d.id === id);
  if (document === undefined) throw new Error(`no corpus document ${id}`);
  return document.text;
}

/** Every hit of `results`, in group order. */
export function allHits(results: SearchResults): SearchHit[] {
  return results.groups.flatMap((group) => group.hits as SearchHit[]);
}

/** The document groups of `results`, by document id in order. */
export function documentOrder(results: SearchResults): string[] {
  return results.groups.filter((g): g is DocumentGroup => g.kind === 'document').map((g) => g.documentId);
}

/** The words a hit marked in its snippet, folded. */
export function markedWords(hit: SearchHit): string[] {
  return hit.marks.map(([start, end]) => foldTerm(hit.snippet.slice(start, end)));
}

/** Checks that every mark of every hit covers exactly one of the hit's matched terms. */
export function expectMarksOnMatchedTerms(results: SearchResults): void {
  for (const hit of allHits(results)) {
    for (const word of markedWords(hit)) expect(hit.terms).toContain(word);
  }
}
