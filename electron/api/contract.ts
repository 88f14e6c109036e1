/**
 * The one API contract between the renderer and whatever hosts it (Electron
 * main process or the browser-mode HTTP host). Method names are listed once,
 * in `apiMethods`; main, preload, host, client and tests all loop over it.
 */
import { z } from 'zod';
import { annotation, annotationId, annotationMotivation, storedAnnotationShape } from './annotation-schema';
import { structureSpan } from '../core/import/document-model';
import { API_METHOD_NAMES, type ApiMethodName } from './methods';

export { IPC_PREFIX } from './methods';

/** Hard cap on a text handed to `addTextDocument` (UTF-16 code units). */
export const MAX_TEXT_LENGTH = 200 * 1024 * 1024;
/** Largest file `importDocument` takes, in bytes; bigger ones are refused before they are sent. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const documentId = z
  .string()
  .min(1, 'a document id is required')
  .max(200, 'a document id is at most 200 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'a document id has only letters, digits, dot, dash and underscore');

export const documentKind = z.enum(['text', 'markdown', 'html', 'pdf']);
export type DocumentKind = z.infer<typeof documentKind>;

export const documentSummary = z.object({
  id: documentId,
  title: z.string(),
  kind: documentKind,
  description: z.string(),
  /** Length of the document text in UTF-16 code units: the unit of every offset. */
  length: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  origin: z.enum(['bundled', 'imported']),
  addedAt: z.string(),
  /** Changes whenever the document's content does (a new version): caches of its text key on it. */
  contentId: z.string(),
  author: z.string(),
  /** As the reader wrote it (a year, a full date, "c. 1939"). */
  date: z.string(),
  tags: z.array(z.string()),
  /** The reader's collections this document belongs to ("Moscow talks", "Primary sources"…). */
  collections: z.array(z.string()),
  /** The name of the file it was imported from, if any. */
  fileName: z.string().nullable(),
  /** Set while the document is in the trash. */
  trashedAt: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

/** Where one page's text lies in a PDF's text, and the page's size in PDF units (unrotated). */
export const pdfPage = z.object({
  pageNumber: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  width: z.number().positive(),
  height: z.number().positive(),
  rotation: z.number().int(),
});
export type PdfPage = z.infer<typeof pdfPage>;

const tag = z.string().trim().min(1, 'a tag cannot be empty').max(100, 'a tag is at most 100 characters');

/** What the reader may change about a document. */
export const documentDetails = z
  .object({
    title: z.string().trim().min(1, 'a title is required').max(500, 'a title is at most 500 characters'),
    author: z.string().trim().max(500, 'an author is at most 500 characters'),
    date: z.string().trim().max(100, 'a date is at most 100 characters'),
    tags: z.array(tag).max(100, 'a document has at most 100 tags'),
    collections: z.array(z.string().trim().min(1, 'a collection needs a name').max(100, 'a collection name is at most 100 characters')).max(50, 'a document is in at most 50 collections'),
  })
  .partial()
  .strict();

const importInput = z
  .object({
    fileName: z.string().trim().min(1, 'a file name is required').max(500, 'a file name is at most 500 characters'),
    /** The file's bytes, as read; the library keeps a copy and never changes the original. */
    bytes: z.instanceof(Uint8Array, { message: 'the file content must be bytes' }).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'the file is larger than 200 MB, the most Diptych imports'),
    /** Read the file in this encoding instead of detecting it (for a legacy file that came out wrong). */
    encoding: z.string().trim().min(1).max(40).optional(),
    /** Import as a new version of this document: its annotations re-anchor on the new text. */
    replaceDocumentId: documentId.optional(),
    /** Import even when the same content is already in the library. */
    allowDuplicate: z.boolean().optional(),
    /** The password of a locked PDF (used to read its text once; never stored). */
    password: z.string().max(1000).optional(),
  })
  .strict();

const importOutput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    document: documentSummary,
    /** Said when the file was read as a legacy encoding, or anything else the reader should check. */
    warning: z.string().nullable(),
  }),
  z.object({ status: z.literal('duplicate'), existing: documentSummary }),
]);

const searchMark = z.tuple([z.number().int(), z.number().int()]);
const hitBase = {
  id: z.string(),
  score: z.number(),
  start: z.number().int(),
  end: z.number().int(),
  snippet: z.string(),
  marks: z.array(searchMark),
  snippetStart: z.number().int(),
  snippetEnd: z.number().int(),
  match: searchMark.nullable(),
  terms: z.array(z.string()),
};
const groupBase = { title: z.string(), titleMarks: z.array(searchMark), score: z.number(), total: z.number().int() };
const searchGroup = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: z.string(), ...groupBase, hits: z.array(z.object({ kind: z.literal('document'), documentId: z.string(), ...hitBase })) }),
  z.object({
    kind: z.literal('note'),
    ...groupBase,
    hits: z.array(z.object({ kind: z.literal('note'), noteId: z.string(), title: z.string(), titleMarks: z.array(searchMark), documentIds: z.array(z.string()), ...hitBase })),
  }),
]);

export const themeName = z.enum(['light', 'sepia', 'dark']);
export type ThemeName = z.infer<typeof themeName>;

export const settings = z.object({
  theme: themeName,
  /** Reading text size in CSS pixels. */
  fontSize: z.number().int().min(12).max(32),
  fontFamily: z.enum(['serif', 'sans', 'accessible']),
  /** Measure: the reading column's width in characters. */
  lineWidth: z.number().int().min(40).max(100),
});
export type Settings = z.infer<typeof settings>;

export const paneSide = z.enum(['left', 'right']);
export type PaneSide = z.infer<typeof paneSide>;

export const paneState = z.object({
  documentId: documentId.nullable(),
  /** Offset (UTF-16) of the first character at the top of the pane: survives font and width changes. */
  position: z.number().int().nonnegative(),
});
export type PaneState = z.infer<typeof paneState>;

export const layout = z.object({
  left: paneState,
  right: paneState,
  /** Share of the reading area given to the left pane. */
  split: z.number().min(0.1).max(0.9),
  sidebarOpen: z.boolean(),
  maximised: paneSide.nullable(),
  focusedPane: paneSide,
});
export type Layout = z.infer<typeof layout>;

export const notice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof notice>;

export const appInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  notices: z.array(notice),
});
export type AppInfo = z.infer<typeof appInfo>;

export const session = z.object({ layout, settings });
export type Session = z.infer<typeof session>;

/**
 * A backup's id: the time it was made (file-name safe), optionally marked as
 * the copy kept before a restore, with a counter when two share a millisecond.
 * Nothing else is accepted, so an id can never name a path outside the backups.
 */
export const BACKUP_ID_PATTERN = /^(before-restore-)?\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d{1,3})?$/;
const backupId = z.string().max(60).regex(BACKUP_ID_PATTERN, 'a backup id is one listBackups answered with');

export const backupSummary = z.object({
  id: backupId,
  /** `automatic`: made at start and hourly; `before-restore`: the library as it was before a restore. */
  kind: z.enum(['automatic', 'before-restore']),
  createdAt: z.string(),
  documents: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

export const saveStatus = z.object({
  /** `retrying`: some changes are only in memory; the library keeps trying to write them. */
  state: z.enum(['saved', 'retrying']),
  pendingChanges: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** When saving first failed (ISO time), while retrying. */
  since: z.string().nullable(),
});
export type SaveStatus = z.infer<typeof saveStatus>;

const noInput = z.object({}).strict();

/** A passage in compare mode: a sentence or clause, by its offsets in the document's text. */
const comparePassage = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), quote: z.string() });
const compareExplanation = {
  sharedTerms: z.array(z.string()),
  relatedTerms: z.array(z.object({ left: z.string(), right: z.string(), similarity: z.number() })),
  lexical: z.number(),
  semantic: z.number(),
};
/** One suggested correspondence between a passage on the left and one on the right. */
export const compareSuggestion = z.object({
  /** Stable for this pair of passages in this pair of documents, whichever pane each is in. */
  id: z.string(),
  /** 1 is the strongest. */
  rank: z.number().int().positive(),
  score: z.number(),
  left: comparePassage,
  right: comparePassage,
  ...compareExplanation,
});
export type CompareSuggestion = z.infer<typeof compareSuggestion>;
const suggestionRef = z
  .object({
    id: z.string().min(1).max(200),
    left: comparePassage.extend({ quote: z.string().max(20_000) }),
    right: comparePassage.extend({ quote: z.string().max(20_000) }),
  })
  .strict();


/** Every method: the schema its argument must satisfy and the shape of its answer. */
export const apiSchemas = {
  getAppInfo: { input: noInput, output: appInfo },
  listDocuments: { input: noInput, output: z.array(documentSummary) },
  /** The text every offset refers to, and for Markdown and HTML how to draw it (headings, lists, links…). */
  getDocumentText: {
    input: z.object({ id: documentId }).strict(),
    output: z.object({ id: documentId, text: z.string(), structure: z.array(structureSpan).optional(), pages: z.array(pdfPage).optional() }),
    // A document may have millions of spans: the host checked them all when it imported the file.
    clientOutput: z.object({
      id: documentId,
      text: z.string(),
      structure: z.array(z.object({ kind: z.string(), start: z.number(), end: z.number() }).loose()).optional(),
      pages: z.array(pdfPage).optional(),
    }),
  },
  /** The document's file as bytes: a PDF to render, or the file a text was imported from. */
  getDocumentFile: {
    input: z.object({ id: documentId }).strict(),
    output: z.object({ id: documentId, mediaType: z.string(), fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  /** Imports a .txt, .md or .html file (a copy is kept in the data folder); answers "duplicate" when the same content is already there. */
  importDocument: { input: importInput, output: importOutput },
  /** Changes a document's title, author, date or tags. */
  updateDocument: { input: z.object({ id: documentId, details: documentDetails }).strict(), output: documentSummary },
  /** Moves a document, with its annotations, to the trash. */
  removeDocument: { input: z.object({ id: documentId }).strict(), output: documentSummary },
  /** Takes a document, with its annotations, out of the trash. */
  restoreDocument: { input: z.object({ id: documentId }).strict(), output: documentSummary },
  /**
   * Deletes documents in the trash for good (all of them, or `ids`), with their files and highlights. Notes and links that also
   * point elsewhere are kept, with a line naming the passages that went. Documents that come with Diptych stay in the trash.
   */
  emptyTrash: {
    input: z.object({ ids: z.array(documentId).max(10_000).optional() }).strict(),
    output: z.object({
      deleted: z.number().int().nonnegative(),
      /** Bundled documents left in the trash: they come with Diptych and would come back at the next start. */
      bundledKept: z.number().int().nonnegative(),
      annotationsDeleted: z.number().int().nonnegative(),
      /** Notes and links kept without the deleted passages. */
      annotationsKept: z.number().int().nonnegative(),
    }),
  },
  /** The documents in the trash, most recently removed first. */
  listTrash: { input: noInput, output: z.array(documentSummary) },
  /** Full-text search over every document and note: typo-tolerant, prefix-matching, grouped by document. */
  searchLibrary: {
    input: z
      .object({
        query: z.string().max(500, 'a search is at most 500 characters'),
        limit: z.number().int().min(1).max(500).optional(),
        documentIds: z.array(documentId).max(100).optional(),
      })
      .strict(),
    output: z.object({ query: z.string(), combinedWith: z.enum(['AND', 'OR']), total: z.number().int(), groups: z.array(searchGroup) }),
  },
  addTextDocument: {
    input: z
      .object({
        title: z.string().trim().min(1, 'a title is required').max(500, 'a title is at most 500 characters'),
        text: z.string().max(MAX_TEXT_LENGTH, 'the text is larger than 200 MB'),
        description: z.string().max(5000).optional(),
      })
      .strict(),
    output: documentSummary,
  },
  getSession: { input: noInput, output: session },
  saveLayout: { input: z.object({ layout }).strict(), output: z.null() },
  saveSettings: { input: z.object({ settings }).strict(), output: z.null() },
  dismissNotice: { input: z.object({ id: z.string().max(200) }).strict(), output: z.null() },

  /**
   * Annotations with a passage in any of `documentIds` (all when omitted), of the given motivations (all when omitted).
   * With `range`, only those whose stored position in one of `documentIds` overlaps [start, end): a first screen's worth.
   */
  listAnnotations: {
    input: z
      .object({
        documentIds: z.array(documentId).max(100).optional(),
        motivations: z.array(annotationMotivation).max(3).optional(),
        range: z
          .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
          .strict()
          .refine((r) => r.end >= r.start, { message: 'end must not be before start' })
          .optional(),
      })
      .strict()
      .refine((input) => input.range === undefined || input.documentIds !== undefined, { message: 'a range needs documentIds', path: ['range'] }),
    output: z.array(annotation),
    clientOutput: z.array(storedAnnotationShape),
  },
  /** Creates or replaces one annotation; answers once it is on disk. Every passage must name a library document. */
  putAnnotation: { input: z.object({ annotation }).strict(), output: annotation },
  /** Deletes one annotation; answers once that is on disk. */
  deleteAnnotation: { input: z.object({ id: annotationId }).strict(), output: z.null() },
  /** Exports annotations (all, or those touching one document) as W3C JSON-LD or as Markdown files. */
  exportAnnotations: {
    input: z.object({ documentId: documentId.optional(), format: z.enum(['w3c', 'markdown']) }).strict(),
    output: z.object({ files: z.array(z.object({ name: z.string(), mediaType: z.string(), content: z.string() })) }),
  },
  /** Imports a W3C export (an AnnotationCollection, a page, or an array): all of it, or nothing. */
  importAnnotations: {
    input: z.object({ content: z.string().max(MAX_TEXT_LENGTH), fileName: z.string().max(500).optional() }).strict(),
    output: z.object({ added: z.number().int().nonnegative(), replaced: z.number().int().nonnegative() }),
  },

  /**
   * Compare mode: passages of the left document that speak of the same thing as passages of the right one,
   * strongest first, without those the reader rejected for this pair. `nothing` says why there is nothing to compare.
   */
  compareDocuments: {
    input: z.object({ leftId: documentId, rightId: documentId }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('ready'),
        suggestions: z.array(compareSuggestion),
        /** How many suggestions the reader rejected earlier for this pair (hidden). */
        rejected: z.number().int().nonnegative(),
        passages: z.object({ left: z.number().int().nonnegative(), right: z.number().int().nonnegative() }),
        /** Something the reader should know about the result (very different sizes…), or null. */
        message: z.string().nullable(),
      }),
      z.object({ status: z.literal('nothing'), message: z.string() }),
    ]),
  },
  /** Passages of `otherId` that speak of the selected passage of `documentId`, best first. */
  relatedPassages: {
    input: z
      .object({
        documentId,
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        otherId: documentId,
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict()
      .refine((i) => i.end > i.start, 'select some text first')
      .refine((i) => i.end - i.start <= 20_000, 'the selection is longer than 20,000 characters; select a passage'),
    output: z.object({
      passages: z.array(z.object({ passage: comparePassage, score: z.number(), ...compareExplanation })),
      message: z.string().nullable(),
    }),
  },
  /** Hides a suggestion for good for this pair of documents (until `restoreSuggestion`). */
  rejectSuggestion: { input: z.object({ leftId: documentId, rightId: documentId, suggestion: suggestionRef }).strict(), output: z.null() },
  /** Undoes `rejectSuggestion`. */
  restoreSuggestion: { input: z.object({ leftId: documentId, rightId: documentId, id: z.string().min(1).max(200) }).strict(), output: z.null() },

  /** The backups in the data folder, newest first. */
  listBackups: { input: noInput, output: z.array(backupSummary) },
  /** Puts a backup back, after keeping the current files aside as a `before-restore` backup; the library reloads in place. */
  restoreBackup: { input: z.object({ id: backupId }).strict(), output: z.null() },
  /** Whether every change is on disk, or some wait in memory for the disk to accept them. */
  getSaveStatus: { input: noInput, output: saveStatus },
  /** Where the log is, so an error message can send the reader there. */
  getDiagnostics: { input: noInput, output: z.object({ logFile: z.string() }) },
} as const;

export type ApiMethod = keyof typeof apiSchemas;

/** The method names, once (listed in methods.ts; these checks keep the two in step). */
export const apiMethods: readonly ApiMethod[] = API_METHOD_NAMES;
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchSchemas: Exactly<ApiMethod, ApiMethodName> = true;
void namesMatchSchemas;

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]['output']>;

/** The service every host implements and every client calls. */
export type DiptychApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** Tells whether a string names an API method (guards IPC channels and HTTP paths). */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
