/**
 * The reading position as a percentage: follows the scroll, and jumps when
 * the reader types a value and presses Enter.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { PaneSide } from '../../../electron/api/contract';

/** Props of {@link PositionInput}. */
export interface PositionInputProps {
  side: PaneSide;
  percent: number;
  disabled: boolean;
  onJump: (percent: number) => void;
}

/** Parses what the reader typed into a whole percentage, or null. */
export function parsePercent(value: string): number | null {
  const trimmed = value.trim().replace(/%$/, '').trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return null;
  return Math.min(100, Math.max(0, number));
}

/** A small numeric field showing and setting the pane's reading position. */
export function PositionInput({ side, percent, disabled, onJump }: PositionInputProps) {
  // While the reader is typing, their draft wins over the scroll position.
  const [draft, setDraft] = useState<string | null>(null);
  const hintId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const value = parsePercent(event.currentTarget.value);
      setDraft(null);
      if (value !== null) onJump(value);
    } else if (event.key === 'Escape' && draft !== null) {
      // Only swallow Escape when there is a draft to drop; otherwise let dialogs have it.
      event.stopPropagation();
      setDraft(null);
    }
  };

  return (
    <span className="position-field">
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        className="position-input"
        aria-label={`Position in ${side} pane, percent`}
        aria-describedby={hintId}
        disabled={disabled}
        value={draft ?? String(Math.round(percent))}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setDraft(null)}
      />
      <span className="position-unit" aria-hidden="true">%</span>
      <span id={hintId} className="visually-hidden">
        Type a percentage and press Enter to go there.
      </span>
    </span>
  );
}
