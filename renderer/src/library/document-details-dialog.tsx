/**
 * Editing what the reader knows about a document: title, author, date and
 * tags. Saved on "Save"; a refusal from the host stays in the dialog.
 */
import { useId, useState } from 'react';
import type { DocumentSummary } from '../../../electron/api/contract';
import { DialogFrame } from '../app/dialog-frame';

export interface DocumentDetailsDialogProps {
  document: DocumentSummary | null;
  onClose: () => void;
  onSave: (id: string, details: { title: string; author: string; date: string; tags: string[]; collections: string[] }) => Promise<void>;
  /** Collections already in the library, offered while typing. */
  knownCollections?: readonly string[];
}

/** Tags (or collections) as typed: separated by commas, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t, i, all) => t !== '' && all.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i);
}

function DetailsForm({ document, onClose, onSave, knownCollections }: { document: DocumentSummary; onClose: () => void; onSave: DocumentDetailsDialogProps['onSave']; knownCollections: readonly string[] }) {
  const [title, setTitle] = useState(document.title);
  const [author, setAuthor] = useState(document.author);
  const [date, setDate] = useState(document.date);
  const [tags, setTags] = useState(document.tags.join(', '));
  const [collections, setCollections] = useState(document.collections.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { title: useId(), author: useId(), date: useId(), tags: useId(), collections: useId(), known: useId(), error: useId() };
  return (
    <form
      className="details-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim() === '') {
          setError('A document needs a title.');
          return;
        }
        setSaving(true);
        onSave(document.id, { title: title.trim(), author: author.trim(), date: date.trim(), tags: parseTags(tags), collections: parseTags(collections) }).then(
          () => onClose(),
          (failure: unknown) => {
            setSaving(false);
            setError(`Not saved: ${failure instanceof Error ? failure.message : 'the host gave no reason'}`);
          },
        );
      }}
    >
      <label htmlFor={ids.title} className="settings-label">
        Title
      </label>
      <input id={ids.title} className="text-input" value={title} maxLength={500} onChange={(e) => setTitle(e.currentTarget.value)} aria-describedby={error ? ids.error : undefined} />
      <label htmlFor={ids.author} className="settings-label">
        Author
      </label>
      <input id={ids.author} className="text-input" value={author} maxLength={500} onChange={(e) => setAuthor(e.currentTarget.value)} />
      <label htmlFor={ids.date} className="settings-label">
        Date
      </label>
      <input id={ids.date} className="text-input" value={date} maxLength={100} placeholder="1939, or 23 August 1939" onChange={(e) => setDate(e.currentTarget.value)} />
      <label htmlFor={ids.tags} className="settings-label">
        Tags
      </label>
      <input id={ids.tags} className="text-input" value={tags} placeholder="separated by commas" onChange={(e) => setTags(e.currentTarget.value)} />
      <label htmlFor={ids.collections} className="settings-label">
        Collections
      </label>
      <input
        id={ids.collections}
        className="text-input"
        value={collections}
        placeholder="Moscow talks, Primary sources…"
        list={knownCollections.length > 0 ? ids.known : undefined}
        onChange={(e) => setCollections(e.currentTarget.value)}
      />
      {knownCollections.length > 0 ? (
        <datalist id={ids.known}>
          {knownCollections.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
      {error ? (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}

/** The "Document details" dialog. */
export function DocumentDetailsDialog({ document, onClose, onSave, knownCollections = [] }: DocumentDetailsDialogProps) {
  return (
    <DialogFrame open={document !== null} onOpenChange={(open) => !open && onClose()} title="Document details" className="details-dialog">
      {document ? <DetailsForm key={document.id} document={document} onClose={onClose} onSave={onSave} knownCollections={knownCollections} /> : null}
    </DialogFrame>
  );
}
