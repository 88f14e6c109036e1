/**
 * A pane's header: the document picker (its title), kind, reading position
 * and the pane's actions.
 */
import type { Ref } from 'react';
import { ArrowLeftRight, Maximize2, Minimize2, X } from 'lucide-react';
import type { DocumentSummary, PaneSide } from '../../../electron/api/contract';
import { kindLabel } from '../library/format';
import { PositionInput } from './position-input';

/** Props of {@link PaneHeader}. */
export interface PaneHeaderProps {
  side: PaneSide;
  documentId: string | null;
  summary: DocumentSummary | undefined;
  documents: readonly DocumentSummary[];
  percent: number;
  positionEnabled: boolean;
  maximised: boolean;
  showSwap: boolean;
  pickerRef: Ref<HTMLSelectElement>;
  onPick: (documentId: string) => void;
  onJump: (percent: number) => void;
  onToggleMaximise: () => void;
  onSwap: () => void;
  onClose: () => void;
}

/** The header bar above a pane's text. */
export function PaneHeader({
  side,
  documentId,
  summary,
  documents,
  percent,
  positionEnabled,
  maximised,
  showSwap,
  pickerRef,
  onPick,
  onJump,
  onToggleMaximise,
  onSwap,
  onClose,
}: PaneHeaderProps) {
  const missing = documentId !== null && !summary;
  return (
    <div className="pane-header">
      <select
        ref={pickerRef}
        className="pane-picker"
        aria-label={`Document in ${side} pane`}
        value={documentId ?? ''}
        onChange={(event) => onPick(event.currentTarget.value)}
      >
        {documentId === null ? (
          <option value="" disabled>
            Choose a document…
          </option>
        ) : null}
        {missing ? (
          <option value={documentId} disabled>
            Missing document
          </option>
        ) : null}
        {documents.map((document) => (
          <option key={document.id} value={document.id}>
            {document.title}
          </option>
        ))}
      </select>
      {summary ? <span className="pane-kind">{kindLabel(summary.kind)}</span> : null}
      <span className="pane-header-spacer" />
      {summary ? <PositionInput side={side} percent={percent} disabled={!positionEnabled} onJump={onJump} /> : null}
      <div className="pane-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`${maximised ? 'Restore' : 'Maximise'} ${side} pane`}
          title={`${maximised ? 'Restore' : 'Maximise'} (M)`}
          onClick={onToggleMaximise}
        >
          {maximised ? <Minimize2 aria-hidden="true" /> : <Maximize2 aria-hidden="true" />}
        </button>
        {documentId !== null ? (
          <button type="button" className="icon-button" aria-label={`Close document in ${side} pane`} title="Close document" onClick={onClose}>
            <X aria-hidden="true" />
          </button>
        ) : null}
        {showSwap ? (
          <button type="button" className="icon-button" aria-label="Swap panes" title="Swap panes (S)" onClick={onSwap}>
            <ArrowLeftRight aria-hidden="true" />
          </button>
        ) : null}
      </div>
    </div>
  );
}
