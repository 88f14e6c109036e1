/**
 * Asking before a document goes to the trash, and offering to undo it
 * after. Nothing is deleted: the document and its annotations wait in the
 * trash until the reader restores them.
 */
import { useRef } from 'react';
import { X } from 'lucide-react';
import type { DocumentSummary } from '../../../electron/api/contract';
import { DialogFrame } from '../app/dialog-frame';
import type { Removal } from './use-library';

export function RemoveDocumentDialog({ document, onCancel, onConfirm }: { document: DocumentSummary | null; onCancel: () => void; onConfirm: (document: DocumentSummary) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <DialogFrame
      open={document !== null}
      onOpenChange={(open) => !open && onCancel()}
      title="Remove from the library?"
      description={document ? `“${document.title}” moves to the trash with its highlights, notes and links. You can restore it from the trash at any time.` : undefined}
      className="confirm-dialog"
      initialFocus={cancel}
    >
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => document && onConfirm(document)}>
          Remove
        </button>
      </div>
    </DialogFrame>
  );
}

/** "Removed … Undo", until dismissed or replaced by the next removal. */
export function RemovalToast({ removal, onUndo, onDismiss }: { removal: Removal | null; onUndo: (id: string) => void; onDismiss: () => void }) {
  if (!removal) return null;
  return (
    <div className="removal-toast" role="status" data-testid="removal-toast">
      <span>Moved “{removal.document.title}” to the trash.</span>
      <button type="button" className="button button-small" onClick={() => onUndo(removal.document.id)}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <X aria-hidden="true" />
      </button>
    </div>
  );
}
