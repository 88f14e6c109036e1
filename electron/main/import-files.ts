/**
 * File › Import… in the desktop app: the main process shows the system's
 * file dialog, reads the files the reader chose and hands their bytes to
 * the window, which imports them through the API like a dropped file (so
 * duplicates, passwords and encodings get the same questions). The
 * renderer never sees a path and never touches the file system.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { MAX_IMPORT_BYTES } from '../api/contract';
import { IMPORT_FILES_CHANNEL, type FileForImport } from '../api/methods';

const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'pdf'];

/** Reads a chosen file; one over the limit is sent without its bytes, so the window refuses it with its size. */
async function readChosen(path: string): Promise<FileForImport> {
  const { size } = await stat(path);
  const name = basename(path);
  if (size > MAX_IMPORT_BYTES) return { name, size, bytes: new Uint8Array(0) };
  const bytes = await readFile(path);
  return { name, size, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** Asks for files and sends them to `window`; answers how many were sent. */
export async function importThroughDialog(window: BrowserWindow | null): Promise<number> {
  if (!window || window.isDestroyed()) return 0;
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Import into the library',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Texts, Markdown, web pages and PDFs', extensions: EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (canceled || filePaths.length === 0) return 0;
  const files: FileForImport[] = [];
  for (const path of filePaths) {
    try {
      files.push(await readChosen(path));
    } catch (error) {
      // An unreadable file still reaches the window, empty, so the reader sees it was refused rather than nothing.
      files.push({ name: basename(path), size: 0, bytes: new Uint8Array(0), error: error instanceof Error ? error.message : String(error) });
    }
  }
  window.webContents.send(IMPORT_FILES_CHANNEL, files);
  return files.length;
}
