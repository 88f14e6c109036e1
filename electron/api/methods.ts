/**
 * The API's method names without their schemas, for the sandboxed preload:
 * it forwards names and must stay small, so it does not bundle zod.
 * `contract.ts` checks at compile time that this list and the schemas agree.
 */
export const API_METHOD_NAMES = [
  'getAppInfo',
  'listDocuments',
  'getDocumentText',
  'getDocumentFile',
  'importDocument',
  'updateDocument',
  'removeDocument',
  'restoreDocument',
  'listTrash',
  'emptyTrash',
  'searchLibrary',
  'addTextDocument',
  'getSession',
  'saveLayout',
  'saveSettings',
  'dismissNotice',
  'listAnnotations',
  'putAnnotation',
  'deleteAnnotation',
  'exportAnnotations',
  'importAnnotations',
  'listBackups',
  'restoreBackup',
  'getSaveStatus',
  'getDiagnostics',
  'compareDocuments',
  'relatedPassages',
  'rejectSuggestion',
  'restoreSuggestion',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

/** Prefix of every IPC channel; the preload forwards only these. */
export const IPC_PREFIX = 'diptych:';

/** The channel on which the main process hands the window files chosen in File › Import…. */
export const IMPORT_FILES_CHANNEL = 'diptych-event:import-files';

/** A file chosen in the desktop app's import dialog, read by the main process. */
export interface FileForImport {
  name: string;
  size: number;
  bytes: Uint8Array;
  /** Why the file could not be read, if it could not. */
  error?: string;
}
