/**
 * The window's copy of the library: the documents (refreshed after each
 * change), the trash, imports, and removing with undo.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../electron/api/contract';
import { api } from '../api';
import { replaceDocumentContent } from '../panes/document-cache';
import { ImportQueue, type ImportItem, type PickedFile } from './import-queue';

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** The last removal, offered for undo until the next one. */
export interface Removal {
  document: DocumentSummary;
  /** Counts up, so a second removal of the same document is a new offer. */
  id: number;
}

export interface LibraryController {
  documents: readonly DocumentSummary[];
  trash: readonly DocumentSummary[];
  imports: readonly ImportItem[];
  queue: ImportQueue;
  importFiles: (files: readonly PickedFile[], replaceDocumentId?: string) => void;
  remove: (document: DocumentSummary) => Promise<void>;
  restore: (id: string) => Promise<void>;
  update: (id: string, details: { title?: string; author?: string; date?: string; tags?: string[]; collections?: string[] }) => Promise<void>;
  refreshTrash: () => Promise<void>;
  /** Deletes the trash for good; answers whether annotations elsewhere changed (notes kept without their passages). */
  emptyTrash: () => Promise<boolean>;
  lastRemoval: Removal | null;
  dismissRemoval: () => void;
}

/** A File from a picker or a drop, read only when its turn comes. */
export function pickedFile(file: File): PickedFile {
  return { name: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

export function useLibrary(initial: readonly DocumentSummary[], onClosedDocument: (id: string) => void, say: (text: string, tone?: 'info' | 'error') => void): LibraryController {
  const [documents, setDocuments] = useState<readonly DocumentSummary[]>(initial);
  const [trash, setTrash] = useState<readonly DocumentSummary[]>([]);
  const [imports, setImports] = useState<readonly ImportItem[]>([]);
  const [lastRemoval, setLastRemoval] = useState<Removal | null>(null);
  const removals = useRef(0);

  const refresh = useCallback(async () => {
    try {
      setDocuments(await api.listDocuments({}));
    } catch (failure) {
      say(`The library could not be refreshed: ${describe(failure)}`, 'error');
    }
  }, [say]);
  const refreshTrash = useCallback(async () => {
    try {
      setTrash(await api.listTrash({}));
    } catch (failure) {
      say(`The trash could not be listed: ${describe(failure)}`, 'error');
    }
  }, [say]);

  const [queue] = useState(
    () =>
      new ImportQueue(
        (input) => api.importDocument(input),
        (items) => setImports(items),
        (document, replaced) => {
          // A new version changes the text under the same id: panes showing it load it again.
          if (replaced) replaceDocumentContent(document.id);
          void refresh();
          say(replaced ? `Imported a new version of “${document.title}”.` : `Imported “${document.title}”.`);
        },
      ),
  );
  const importFiles = useCallback((files: readonly PickedFile[], replaceDocumentId?: string) => void queue.add(files, replaceDocumentId), [queue]);

  const remove = useCallback(
    async (document: DocumentSummary) => {
      try {
        await api.removeDocument({ id: document.id });
      } catch (failure) {
        say(`“${document.title}” was not removed: ${describe(failure)}`, 'error');
        return;
      }
      onClosedDocument(document.id);
      removals.current += 1;
      setLastRemoval({ document, id: removals.current });
      await Promise.all([refresh(), refreshTrash()]);
    },
    [onClosedDocument, refresh, refreshTrash, say],
  );
  const restore = useCallback(
    async (id: string) => {
      try {
        const restored = await api.restoreDocument({ id });
        say(`“${restored.title}” is back in the library, with its annotations.`);
      } catch (failure) {
        say(`The document was not restored: ${describe(failure)}`, 'error');
        return;
      }
      setLastRemoval((current) => (current?.document.id === id ? null : current));
      await Promise.all([refresh(), refreshTrash()]);
    },
    [refresh, refreshTrash, say],
  );
  const update = useCallback(
    async (id: string, details: { title?: string; author?: string; date?: string; tags?: string[]; collections?: string[] }) => {
      const updated = await api.updateDocument({ id, details });
      setDocuments((current) => current.map((d) => (d.id === id ? updated : d)));
    },
    [],
  );
  const dismissRemoval = useCallback(() => setLastRemoval(null), []);
  const emptyTrash = useCallback(async () => {
    let changed = false;
    try {
      const { deleted, bundledKept, annotationsDeleted, annotationsKept } = await api.emptyTrash({});
      changed = annotationsDeleted + annotationsKept > 0;
      const kept = annotationsKept > 0 ? ` ${annotationsKept === 1 ? 'One note or link was' : `${annotationsKept} notes and links were`} kept without the passages there.` : '';
      const stay = bundledKept > 0 ? ` ${bundledKept === 1 ? 'A document that comes' : `${bundledKept} documents that come`} with Diptych stay${bundledKept === 1 ? 's' : ''} in the trash.` : '';
      say(`Deleted ${deleted === 1 ? 'one document' : `${deleted} documents`} for good.${kept}${stay}`);
    } catch (failure) {
      say(`The trash was not emptied: ${describe(failure)}`, 'error');
    }
    setLastRemoval(null);
    await refreshTrash();
    return changed;
  }, [refreshTrash, say]);

  return useMemo(
    () => ({ documents, trash, imports, queue, importFiles, remove, restore, update, refreshTrash, emptyTrash, lastRemoval, dismissRemoval }),
    [documents, trash, imports, queue, importFiles, remove, restore, update, refreshTrash, emptyTrash, lastRemoval, dismissRemoval],
  );
}
