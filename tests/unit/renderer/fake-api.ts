/**
 * An in-memory stand-in for the host, shaped like the real contract, so
 * component tests exercise the renderer against the API it really calls.
 */
import { vi } from 'vitest';
import type { Annotation } from '../../../electron/api/annotation-schema';
import { documentIdOfUri, markdownOf, noteTitle, passagesOf } from '../../../electron/api/annotation-schema';
import { LibrarySearch } from '../../../electron/core/search';
import type { ApiInput, ApiOutput, BackupSummary, DiptychApi, DocumentSummary, Layout, Notice, SaveStatus, Settings } from '../../../electron/api/contract';
import { ApiError } from '../../../electron/api/errors';

/** What a fake host starts with. */
export interface FakeHostOptions {
  layout?: Partial<Layout>;
  settings?: Partial<Settings>;
  notices?: Notice[];
  texts?: Record<string, string>;
  annotations?: Annotation[];
  backups?: BackupSummary[];
  /** What getSaveStatus answers (tests change `host.saveStatus` to play a failing disk). */
  saveStatus?: SaveStatus;
  logFile?: string;
}

/** Everything on disk: what getSaveStatus answers when no write failed. */
export const ALL_SAVED: SaveStatus = { state: 'saved', pendingChanges: 0, lastError: null, since: null };

export const SOVIET_TEXT =
  'Share This Article\n\nIn August 1939, an announcement of a pact between two nations stunned the world.\n\nThe nations could not have been more ideologically apart. Yet the signing signaled a temporary détente.\n';
export const LONDON_TEXT =
  'After the guarantee given to Poland, the United Kingdom and France enter into talks with the USSR.\nBut the negotiations snag.\nThe dilemma is clear for London.\n\n\n';

/** A library document as listDocuments answers it: a short imported text unless `extra` says otherwise. */
export function documentSummary(id: string, title: string, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    title,
    kind: 'text',
    description: '',
    length: 10,
    words: 2,
    origin: 'imported',
    addedAt: '2024-01-01T00:00:00.000Z',
    contentId: `${id}@1`,
    author: '',
    date: '',
    tags: [],
    collections: [],
    fileName: null,
    trashedAt: null,
    ...extra,
  };
}

function summary(id: string, title: string, text: string): DocumentSummary {
  return documentSummary(id, title, { description: `About ${title}.`, length: text.length, words: text.split(/\s+/).filter(Boolean).length, origin: 'bundled' });
}

/** A fake API with spies on every method the reader uses (the contract grows as features land). */
export function createFakeApi(options: FakeHostOptions = {}) {
  const texts: Record<string, string> = options.texts ?? {
    'soviet-overtures-1939': SOVIET_TEXT,
    'londons-dilemma-1939': LONDON_TEXT,
  };
  const titles: Record<string, string> = {
    'soviet-overtures-1939': 'The Soviet Overtures of 1939',
    'londons-dilemma-1939': "London's Dilemma, Summer 1939",
  };
  const documents = Object.entries(texts).map(([id, text]) => summary(id, titles[id] ?? id, text));
  const layout: Layout = {
    left: { documentId: 'soviet-overtures-1939', position: 0 },
    right: { documentId: 'londons-dilemma-1939', position: 0 },
    split: 0.5,
    sidebarOpen: true,
    maximised: null,
    focusedPane: 'left',
    ...options.layout,
  };
  const stored = new Map<string, Annotation>((options.annotations ?? []).map((a) => [a.id, a]));
  const settings: Settings = { theme: 'light', fontSize: 18, fontFamily: 'serif', lineWidth: 66, ...options.settings };
  const host = { saveStatus: options.saveStatus ?? ALL_SAVED, backups: options.backups ?? [], rejected: new Set<string>() };
  const api = {
    getAppInfo: vi.fn(async () => ({ version: '0.1.0', mode: 'browser' as const, dataDir: '/tmp/data', notices: options.notices ?? [] })),
    listDocuments: vi.fn(async () => documents),
    getDocumentText: vi.fn(async ({ id }: { id: string }) => {
      const text = texts[id];
      if (text === undefined) throw new Error(`There is no document "${id}".`);
      return { id, text };
    }),
    addTextDocument: vi.fn(async () => {
      throw new Error('not used in these tests');
    }),
    getSession: vi.fn(async () => ({ layout, settings })),
    saveLayout: vi.fn(async (_input: { layout: Layout }) => null),
    saveSettings: vi.fn(async (_input: { settings: Settings }) => null),
    dismissNotice: vi.fn(async (_input: { id: string }) => null),
    // Filters as the host does: a passage in any of documentIds, any of motivations.
    listAnnotations: vi.fn(
      async ({ documentIds, motivations, range }: { documentIds?: string[]; motivations?: Annotation['motivation'][]; range?: { start: number; end: number } }) =>
        [...stored.values()].filter(
          (a) =>
            (!motivations || motivations.includes(a.motivation)) &&
            (!documentIds ||
              a.target.some(
                (t) =>
                  typeof t !== 'string' &&
                  documentIds.some((id) => t.source.endsWith(`:${id}`)) &&
                  (!range || (t.selector[1].start <= range.end && t.selector[1].end >= range.start)),
              )),
        ),
    ),
    putAnnotation: vi.fn(async ({ annotation }: { annotation: Annotation }) => {
      stored.set(annotation.id, annotation);
      return annotation;
    }),
    deleteAnnotation: vi.fn(async ({ id }: { id: string }) => {
      if (!stored.delete(id)) throw new ApiError('not-found', `There is no annotation "${id}".`);
      return null;
    }),
    exportAnnotations: vi.fn(async (_input: { documentId?: string; format: 'w3c' | 'markdown' }) => ({
      files: [{ name: 'annotations.jsonld', mediaType: 'application/ld+json', content: JSON.stringify([...stored.values()]) }],
    })),
    importAnnotations: vi.fn(async (_input: { content: string; fileName?: string }) => ({ added: 0, replaced: 0 })),
    // The host's own search engine over the fake's texts and notes, indexed afresh for each query.
    searchLibrary: vi.fn(async ({ query, limit, documentIds }: { query: string; limit?: number; documentIds?: string[] }) => {
      const index = new LibrarySearch();
      for (const document of documents) index.addDocument(document.id, document.title, texts[document.id]!);
      for (const note of stored.values()) {
        if (note.motivation !== 'commenting') continue;
        const body = markdownOf(note);
        index.upsertNote(note.id, noteTitle(body), body, passagesOf(note).map((target) => documentIdOfUri(target.source)));
      }
      return index.search(query, { limit, documentIds });
    }),
    listBackups: vi.fn(async (_input: Record<string, never>) => host.backups),
    restoreBackup: vi.fn(async ({ id }: { id: string }) => {
      if (!host.backups.some((b) => b.id === id)) throw new ApiError('not-found', `There is no backup "${id}".`);
      return null;
    }),
    getSaveStatus: vi.fn(async (_input: Record<string, never>) => host.saveStatus),
    getDiagnostics: vi.fn(async (_input: Record<string, never>) => ({ logFile: options.logFile ?? '/tmp/data/logs/diptych.log' })),
    // Compare mode: no suggestions unless a test gives some (mockResolvedValue), rejections remembered like the host.
    compareDocuments: vi.fn(async ({ leftId, rightId }: ApiInput<'compareDocuments'>): Promise<ApiOutput<'compareDocuments'>> =>
      leftId === rightId
        ? { status: 'nothing', message: 'Both panes show the same document; open another text in one of them to compare.' }
        : { status: 'ready', suggestions: [], rejected: 0, passages: { left: 0, right: 0 }, message: null },
    ),
    relatedPassages: vi.fn(async (_input: ApiInput<'relatedPassages'>): Promise<ApiOutput<'relatedPassages'>> => ({ passages: [], message: null })),
    rejectSuggestion: vi.fn(async ({ suggestion }: ApiInput<'rejectSuggestion'>) => {
      host.rejected.add(suggestion.id);
      return null;
    }),
    restoreSuggestion: vi.fn(async ({ id }: ApiInput<'restoreSuggestion'>) => {
      host.rejected.delete(id);
      return null;
    }),
    /** The annotations the fake host holds (what is "on disk"). */
    stored,
    /** The host's saving state and backups, for tests to change. */
    host,
  } satisfies Partial<DiptychApi> & { stored: Map<string, Annotation>; host: { saveStatus: SaveStatus; backups: BackupSummary[]; rejected: Set<string> } };
  return api;
}

/** The fake's type, for tests that reach into its spies. */
export type FakeApi = ReturnType<typeof createFakeApi>;
