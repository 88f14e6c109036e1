/**
 * The one API contract between the renderer and whatever hosts it (Electron
 * main process or the browser-mode HTTP host). Method names are listed once,
 * in `apiMethods`; main, preload, host, client and tests all loop over it.
 */
import { z } from 'zod';
import { annotation, annotationId, annotationMotivation, storedAnnotationShape } from './annotation-schema';
import { API_METHOD_NAMES, type ApiMethodName } from './methods';

export { IPC_PREFIX } from './methods';

/** Hard cap on a text handed to `addTextDocument` (UTF-16 code units). */
export const MAX_TEXT_LENGTH = 200 * 1024 * 1024;

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
});
export type DocumentSummary = z.infer<typeof documentSummary>;

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

/** Every method: the schema its argument must satisfy and the shape of its answer. */
export const apiSchemas = {
  getAppInfo: { input: noInput, output: appInfo },
  listDocuments: { input: noInput, output: z.array(documentSummary) },
  getDocumentText: {
    input: z.object({ id: documentId }).strict(),
    output: z.object({ id: documentId, text: z.string() }),
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

  /** Annotations with a passage in any of `documentIds` (all when omitted), of the given motivations (all when omitted). */
  listAnnotations: {
    input: z
      .object({
        documentIds: z.array(documentId).max(100).optional(),
        motivations: z.array(annotationMotivation).max(3).optional(),
      })
      .strict(),
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
