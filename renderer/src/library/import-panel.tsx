/**
 * What happened to each imported file, and what the reader can do about
 * it: open the new document, decide about a duplicate, unlock a PDF, read a
 * legacy file in another encoding. Floats above the status bar; nothing in
 * it blocks reading.
 */
import { useId, useState } from 'react';
import { Check, CircleAlert, Copy, FileText, KeyRound, LoaderCircle, PanelLeft, PanelRight, X } from 'lucide-react';
import type { PaneSide } from '../../../electron/api/contract';
import { LEGACY_ENCODINGS } from '../../../electron/core/import/legacy-encoding-list';
import type { ImportItem, ImportQueue } from './import-queue';

export interface ImportPanelProps {
  items: readonly ImportItem[];
  queue: ImportQueue;
  onOpen: (side: PaneSide, documentId: string) => void;
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function OpenButtons({ documentId, title, onOpen }: { documentId: string; title: string; onOpen: ImportPanelProps['onOpen'] }) {
  return (
    <span className="import-actions">
      {/* As in the library list: the visible word stays a part of each button's full name (WCAG 2.5.3). */}
      <span className="import-open" aria-hidden="true">
        Open in
      </span>
      <button type="button" className="button button-small" aria-label={`Open ${title} in left pane`} onClick={() => onOpen('left', documentId)}>
        <PanelLeft aria-hidden="true" />
        Left
      </button>
      <button type="button" className="button button-small" aria-label={`Open ${title} in right pane`} onClick={() => onOpen('right', documentId)}>
        <PanelRight aria-hidden="true" />
        Right
      </button>
    </span>
  );
}

function PasswordForm({ item, queue, message }: { item: ImportItem; queue: ImportQueue; message: string }) {
  const [password, setPassword] = useState('');
  const id = useId();
  return (
    <form
      className="import-password"
      onSubmit={(event) => {
        event.preventDefault();
        if (password !== '') void queue.withPassword(item.id, password);
      }}
    >
      <p className="import-message">{message}</p>
      <label htmlFor={id} className="visually-hidden">
        Password of {item.name}
      </label>
      <input id={id} type="password" className="text-input" autoComplete="off" value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
      <button type="submit" className="button button-small button-primary" disabled={password === ''}>
        Unlock
      </button>
      <button type="button" className="button button-small" onClick={() => queue.skip(item.id)}>
        Skip
      </button>
    </form>
  );
}

function EncodingChoice({ item, queue }: { item: ImportItem; queue: ImportQueue }) {
  const [encoding, setEncoding] = useState(LEGACY_ENCODINGS[0]!.name);
  const id = useId();
  return (
    <span className="import-encoding">
      <label htmlFor={id}>Read it as</label>
      <select id={id} value={encoding} onChange={(event) => setEncoding(event.currentTarget.value)}>
        {LEGACY_ENCODINGS.map((e) => (
          <option key={e.name} value={e.name}>
            {e.description} ({e.name})
          </option>
        ))}
        <option value="utf-8">Unicode (utf-8)</option>
      </select>
      <button type="button" className="button button-small" onClick={() => void queue.readAs(item.id, encoding)}>
        Read again
      </button>
    </span>
  );
}

function ImportRow({ item, queue, onOpen }: { item: ImportItem; queue: ImportQueue; onOpen: ImportPanelProps['onOpen'] }) {
  const { state } = item;
  let icon = <LoaderCircle className="spin" aria-hidden="true" />;
  let body: React.ReactNode = null;
  switch (state.status) {
    case 'waiting':
      body = <span className="import-status">Waiting…</span>;
      break;
    case 'reading':
      body = <span className="import-status">Reading the file…</span>;
      break;
    case 'importing':
      body = (
        <span className="import-status">
          Importing {megabytes(item.size)}…
          <span className="import-progress" role="progressbar" aria-label={`Importing ${item.name}`} />
        </span>
      );
      break;
    case 'imported':
      icon = <Check aria-hidden="true" />;
      body = (
        <>
          <span className="import-status">
            {item.replaceDocumentId ? 'New version of' : 'Imported as'} “{state.document.title}”
            {state.encoding ? ` (read as ${state.encoding})` : ''}.
          </span>
          {state.warning ? (
            <span className="import-warning" role="status">
              {state.warning}
            </span>
          ) : null}
          {state.warning && /encoding|UTF-8/i.test(state.warning) ? <EncodingChoice item={item} queue={queue} /> : null}
          <OpenButtons documentId={state.document.id} title={state.document.title} onOpen={onOpen} />
        </>
      );
      break;
    case 'duplicate':
      icon = <Copy aria-hidden="true" />;
      body = (
        <>
          <span className="import-status">
            Already in your library as “{state.existing.title}”{state.existing.trashedAt ? ' (in the trash)' : ''}.
          </span>
          <span className="import-actions">
            {state.existing.trashedAt ? null : (
              <button type="button" className="button button-small" onClick={() => onOpen('left', state.existing.id)}>
                Open it
              </button>
            )}
            <button type="button" className="button button-small" onClick={() => void queue.importAnyway(item.id)}>
              Import anyway
            </button>
            <button type="button" className="button button-small" onClick={() => queue.skip(item.id)}>
              Skip
            </button>
          </span>
        </>
      );
      break;
    case 'password':
      icon = <KeyRound aria-hidden="true" />;
      body = <PasswordForm item={item} queue={queue} message={state.message} />;
      break;
    case 'failed':
      icon = <CircleAlert aria-hidden="true" />;
      body = (
        <span className="import-error" role="alert">
          {state.message}
        </span>
      );
      break;
    case 'skipped':
      icon = <FileText aria-hidden="true" />;
      body = <span className="import-status">Skipped.</span>;
      break;
  }
  return (
    <li className="import-item" data-testid="import-item" data-status={state.status}>
      <span className="import-icon" data-status={state.status}>
        {icon}
      </span>
      <span className="import-body">
        <span className="import-name">{item.name}</span>
        {body}
      </span>
    </li>
  );
}

/** The list of imports of this session, while there is any. */
export function ImportPanel({ items, queue, onOpen }: ImportPanelProps) {
  if (items.length === 0) return null;
  const busy = items.filter((i) => ['waiting', 'reading', 'importing'].includes(i.state.status)).length;
  return (
    <section className="import-panel" aria-label="Imports" data-testid="import-panel">
      <header className="import-header">
        <h2 className="import-title">{busy > 0 ? `Importing ${busy === 1 ? '1 file' : `${busy} files`}…` : 'Imports'}</h2>
        <button type="button" className="icon-button" aria-label="Close the imports list" onClick={() => queue.clearFinished()} disabled={busy > 0}>
          <X aria-hidden="true" />
        </button>
      </header>
      <ul className="import-list">
        {items.map((item) => (
          <ImportRow key={item.id} item={item} queue={queue} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}
