/**
 * Export (all annotations, or one document's, as W3C JSON-LD or Markdown)
 * and import (a W3C export, all of it or nothing) at the foot of the
 * Annotations tab.
 */
import { useId, useRef, useState } from 'react';
import { Download, Upload } from 'lucide-react';
import type { DocumentSummary } from '../../../../electron/api/contract';
import { useAnnotationUi } from '../annotations-context';
import { describeImport, exportAnnotations, importAnnotationFile } from '../transfer';

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** The export and import controls. */
export function TransferSection({ documents }: { documents: readonly DocumentSummary[] }) {
  const ui = useAnnotationUi();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [scope, setScope] = useState('');
  const [format, setFormat] = useState<'w3c' | 'markdown'>('w3c');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const report = (tone: 'info' | 'error', text: string) => {
    setResult({ tone, text });
    ui.say(text, tone);
  };

  const onExport = async () => {
    setBusy(true);
    try {
      const files = await exportAnnotations(scope || undefined, format);
      if (files.length === 0) report('info', 'There was nothing to export: no annotation touches that document yet.');
      else report('info', files.length === 1 ? `Exported ${files[0]!.name}.` : `Exported ${files.length} files.`);
    } catch (error) {
      report('error', `Could not export: ${reason(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const counts = await importAnnotationFile(file);
      await ui.reload();
      ui.clearHistory();
      report('info', describeImport(counts));
    } catch (error) {
      report('error', `Nothing was imported from ${file.name}: ${reason(error)}`);
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <section className="transfer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Export and import
      </h2>
      <div className="transfer-row">
        <div className="filter-field">
          <label className="filter-label" htmlFor={`${id}-scope`}>
            Annotations of
          </label>
          <select id={`${id}-scope`} className="select-input" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="">All documents</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label className="filter-label" htmlFor={`${id}-format`}>
            Format
          </label>
          <select id={`${id}-format`} className="select-input" value={format} onChange={(e) => setFormat(e.currentTarget.value as 'w3c' | 'markdown')}>
            <option value="w3c">W3C JSON-LD</option>
            <option value="markdown">Markdown</option>
          </select>
        </div>
      </div>
      <div className="transfer-row">
        <button type="button" className="button button-small" disabled={busy} onClick={() => void onExport()}>
          <Download aria-hidden="true" />
          Export
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => fileRef.current?.click()}>
          <Upload aria-hidden="true" />
          Import W3C file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".jsonld,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="W3C annotation file to import"
          data-testid="import-file"
          onChange={(e) => void onImport(e.currentTarget.files?.[0])}
        />
      </div>
      {result ? (
        <p className={result.tone === 'error' ? 'field-error' : 'panel-muted'} data-testid="transfer-result">
          {result.text}
        </p>
      ) : null}
      <p className="panel-muted">Importing adds the file’s annotations and replaces those with the same id. If anything in the file is wrong, nothing is imported.</p>
    </section>
  );
}
