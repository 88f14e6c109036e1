/**
 * Asking before the trash is emptied: the one deletion Diptych cannot undo,
 * so the dialog says what goes, what stays, and where the text of notes ends up.
 */
import { useRef } from 'react';
import type { DocumentSummary } from '../../../electron/api/contract';
import { DialogFrame } from '../app/dialog-frame';

function whatGoes(trash: readonly DocumentSummary[]): string {
  const imported = trash.filter((d) => d.origin === 'imported');
  const bundled = trash.length - imported.length;
  const names = imported.length === 1 ? `“${imported[0]!.title}”` : `${imported.length} documents`;
  const goes = `${names} will be deleted for good, with ${imported.length === 1 ? 'its file and its highlights' : 'their files and highlights'}. This cannot be undone.`;
  const stays =
    ' Notes and links that also point into other documents are kept, with a line naming the passages that went; a note with no passage left moves to the notebook.';
  const kept = bundled > 0 ? ` ${bundled === 1 ? 'One document comes' : `${bundled} documents come`} with Diptych and stay${bundled === 1 ? 's' : ''} in the trash, restorable.` : '';
  return goes + stays + kept;
}

export function EmptyTrashDialog({ trash, open, onCancel, onConfirm }: { trash: readonly DocumentSummary[]; open: boolean; onCancel: () => void; onConfirm: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <DialogFrame open={open} onOpenChange={(next) => !next && onCancel()} title="Empty the trash?" description={whatGoes(trash)} className="confirm-dialog" initialFocus={cancel}>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          Delete for good
        </button>
      </div>
    </DialogFrame>
  );
}
