/**
 * Reading settings: theme, typeface, size and measure. Every change applies
 * at once (the panes reflow behind the dialog) and is saved.
 */
import { useId, useRef, useState } from 'react';
import { History } from 'lucide-react';
import type { Settings, ThemeName } from '../../../electron/api/contract';
import { BackupsDialog } from './backups-dialog';
import { DialogFrame } from './dialog-frame';

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

const THEMES: { value: ThemeName; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
];

const FAMILIES: { value: Settings['fontFamily']; label: string; hint: string }[] = [
  { value: 'serif', label: 'Serif', hint: 'Literata' },
  { value: 'sans', label: 'Sans', hint: 'Inter' },
  { value: 'accessible', label: 'Accessible', hint: 'Atkinson Hyperlegible' },
];

interface NumberSettingProps {
  label: string;
  unit: string;
  min: number;
  max: number;
  value: number;
  onCommit: (value: number) => void;
}

/** A number field that applies valid values as they are typed and settles out-of-range ones on blur. */
function NumberSetting({ label, unit, min, max, value, onCommit }: NumberSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (text: string, settle: boolean) => {
    const number = Math.round(Number(text));
    if (text.trim() === '' || !Number.isFinite(number)) return;
    if (number >= min && number <= max) onCommit(number);
    else if (settle) onCommit(Math.min(max, Math.max(min, number)));
  };
  return (
    <div className="settings-field">
      <label htmlFor={id} className="settings-label">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="settings-number"
        min={min}
        max={max}
        step={1}
        value={draft ?? String(value)}
        aria-describedby={`${id}-range`}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          commit(event.currentTarget.value, false);
        }}
        onBlur={(event) => {
          commit(event.currentTarget.value, true);
          setDraft(null);
        }}
      />
      <span className="settings-unit">{unit}</span>
      <span id={`${id}-range`} className="settings-range">
        {min}–{max}
      </span>
    </div>
  );
}

/** The "Reading settings" dialog. */
export function SettingsDialog({ open, onOpenChange, settings, onChange }: SettingsDialogProps) {
  // Start on the current theme, the first choice in the dialog.
  const themeRef = useRef<HTMLInputElement>(null);
  // Opens on top of this dialog; Escape there comes back here.
  const [backupsOpen, setBackupsOpen] = useState(false);
  // Closing the settings, however it happens, closes the backups with them (React's "adjust state while rendering").
  const [settingsWasOpen, setSettingsWasOpen] = useState(open);
  if (open !== settingsWasOpen) {
    setSettingsWasOpen(open);
    if (!open) setBackupsOpen(false);
  }
  return (
    <DialogFrame
      open={open}
      onOpenChange={onOpenChange}
      title="Reading settings"
      description="Changes apply at once and are kept for next time."
      className="settings-dialog"
      initialFocus={themeRef}
    >
      <form className="settings-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="settings-group">
          <legend className="settings-label">Theme</legend>
          <div className="choice-row">
            {THEMES.map((theme) => (
              <label key={theme.value} className="choice">
                <input
                  ref={settings.theme === theme.value ? themeRef : undefined}
                  type="radio"
                  name="theme"
                  value={theme.value}
                  checked={settings.theme === theme.value}
                  onChange={() => onChange({ theme: theme.value })}
                />
                <span className="theme-swatch" data-swatch={theme.value} aria-hidden="true" />
                <span>{theme.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="settings-group">
          <legend className="settings-label">Typeface</legend>
          <div className="choice-row">
            {FAMILIES.map((family) => (
              <label key={family.value} className="choice" title={family.hint}>
                <input
                  type="radio"
                  name="font-family"
                  value={family.value}
                  checked={settings.fontFamily === family.value}
                  onChange={() => onChange({ fontFamily: family.value })}
                />
                <span className="family-sample" data-family={family.value} aria-hidden="true">
                  Aa
                </span>
                <span>{family.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <NumberSetting label="Font size" unit="px" min={12} max={32} value={settings.fontSize} onCommit={(fontSize) => onChange({ fontSize })} />
        <NumberSetting
          label="Line width"
          unit="characters"
          min={40}
          max={100}
          value={settings.lineWidth}
          onCommit={(lineWidth) => onChange({ lineWidth })}
        />
      </form>
      <section className="settings-section" aria-labelledby="settings-library">
        <h3 id="settings-library" className="settings-label">
          Library
        </h3>
        <p className="settings-hint">Backups are made each time Diptych starts and every hour while you work; the last 10 are kept.</p>
        <button type="button" className="button" onClick={() => setBackupsOpen(true)}>
          <History aria-hidden="true" />
          Restore from backup…
        </button>
      </section>
      <BackupsDialog open={open && backupsOpen} onOpenChange={setBackupsOpen} />
    </DialogFrame>
  );
}
