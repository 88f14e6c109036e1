/**
 * The command palette (Ctrl+K, ⌘K on macOS), on cmdk inside the app's
 * Radix dialog: one field that runs commands, opens documents and searches
 * every document and note. Enter opens a result in the left pane, Alt+Enter
 * (or "Open in right pane") in the right one, scrolled to the passage with
 * the matched word flashed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { DocumentSummary, PaneSide, ThemeName } from '../../../electron/api/contract';
import { useOptionalAnnotationUi } from '../annotations/annotations-context';
import type { RevealTarget } from '../annotations/reveal';
import { exportAnnotations } from '../annotations/transfer';
import { isMac, type ShortcutCommand } from '../app/shortcuts';
import { nextTheme, type PaletteCommandId } from './palette-commands';
import { PaletteBody, type PaletteActions } from './palette-body';
import type { DocumentHit, NoteHit } from './use-library-search';

/** Props of {@link CommandPalette}. */
export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The library (documents in the trash are left out). */
  documents: readonly DocumentSummary[];
  /** What each pane shows. */
  openDocuments: Record<PaneSide, string | null>;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
  /** What the palette asks of the window. */
  workspace: PaletteWorkspace;
  /** Opens the window's import (its file picker); without it the palette offers no import. */
  onImport?: () => void;
  /** Compare mode's state, for its commands. */
  compare?: { on: boolean; aligned: boolean };
}

/** What the palette asks of the window. */
export interface PaletteWorkspace {
  /** Opens a document in a pane, at its start. */
  openDocument: (side: PaneSide, documentId: string) => void;
  /** Scrolls a pane to a passage and flashes it (opening the document in a pane if none shows it). */
  reveal: (target: RevealTarget) => void;
  /** Runs one of the window's keyboard commands: swap, focus, maximise, the panels, settings, help. */
  run: (command: ShortcutCommand) => void;
}

/** What runs once the palette has closed, and whether focus should go back where it was. */
interface Pending {
  run: () => void;
  restoreFocus: boolean;
}

/** A search result waiting for its pane to show its document before the passage is revealed. */
interface PendingReveal {
  side: PaneSide;
  target: RevealTarget;
  since: number;
}

/** A reveal not answered by then is forgotten (the document did not open). */
const PENDING_REVEAL_MS = 5000;

const otherSide = (side: PaneSide): PaneSide => (side === 'left' ? 'right' : 'left');

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** The palette dialog; its contents (and the typed query) start afresh each time it opens. */
export function CommandPalette(props: CommandPaletteProps) {
  const { open, onOpenChange, documents, openDocuments, theme, onThemeChange, workspace, onImport } = props;
  const { openDocument: onOpenDocument, reveal: onReveal, run: onCommand } = workspace;
  const ui = useOptionalAnnotationUi();
  const pending = useRef<Pending | null>(null);
  const pendingReveal = useRef<PendingReveal | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [mod] = useState(() => (isMac() ? '⌘' : 'Ctrl'));

  // A document just opened by a result: once its pane shows it, the passage is revealed there.
  useEffect(() => {
    const waiting = pendingReveal.current;
    if (!waiting) return;
    if (Date.now() - waiting.since > PENDING_REVEAL_MS) {
      pendingReveal.current = null;
      return;
    }
    if (openDocuments[waiting.side] !== waiting.target.documentId) return;
    pendingReveal.current = null;
    onReveal(waiting.target);
  }, [openDocuments, onReveal]);

  /** Closes the palette, then runs `run` once focus is settled (back where it was, unless `restoreFocus` is false). */
  const closeThen = useCallback(
    (run: () => void, restoreFocus = true) => {
      pending.current = { run, restoreFocus };
      onOpenChange(false);
    },
    [onOpenChange],
  );

  const openAt = (side: PaneSide, documentId: string, passage: { start: number; end: number; id: string } | null) => {
    if (passage) {
      const target: RevealTarget = { documentId, annotationId: `search:${passage.id}`, targetIndex: 0, start: passage.start, end: passage.end, avoidSide: otherSide(side) };
      if (openDocuments[side] === documentId) onReveal(target);
      else {
        pendingReveal.current = { side, target, since: Date.now() };
        onOpenDocument(side, documentId);
      }
    } else onOpenDocument(side, documentId);
    onCommand(side === 'left' ? 'focus-left' : 'focus-right');
  };

  const actions: PaletteActions = {
    runCommand: (id: PaletteCommandId) => {
      switch (id) {
        case 'toggle-theme':
          closeThen(() => onThemeChange(nextTheme(theme)));
          break;
        case 'theme-light':
        case 'theme-sepia':
        case 'theme-dark':
          closeThen(() => onThemeChange(id.slice('theme-'.length) as ThemeName));
          break;
        case 'export-w3c':
        case 'export-markdown': {
          const format = id === 'export-w3c' ? 'w3c' : 'markdown';
          closeThen(() => {
            exportAnnotations(undefined, format).then(
              (files) => ui?.say(files.length === 0 ? 'There was nothing to export: no annotations yet.' : files.length === 1 ? `Exported ${files[0]!.name}.` : `Exported ${files.length} files.`),
              (error: unknown) => ui?.say(`Could not export: ${reason(error)}. Your annotations are unchanged.`, 'error'),
            );
          });
          break;
        }
        case 'import':
          if (onImport) closeThen(onImport);
          break;
        case 'focus-left':
        case 'focus-right':
          closeThen(() => onCommand(id), false);
          break;
        default:
          closeThen(() => onCommand(id));
      }
    },
    openDocument: (side: PaneSide, documentId: string) => closeThen(() => openAt(side, documentId, null), false),
    openHit: (side: PaneSide, hit: DocumentHit) => {
      const passage = hit.match ? { start: hit.match[0], end: hit.match[1], id: hit.id } : null;
      closeThen(() => openAt(side, hit.documentId, passage), false);
    },
    showNote: (hit: NoteHit) => closeThen(() => ui?.select(hit.noteId)),
  };

  // Radix gives focus back to a dialog's trigger, and the palette has none (a shortcut opens it): it is done here.
  const onOpenAutoFocus = (event: Event) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    event.preventDefault();
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>('[cmdk-input]')?.focus();
  };
  const onCloseAutoFocus = (event: Event) => {
    event.preventDefault();
    const next = pending.current;
    const previous = returnFocus.current;
    pending.current = null;
    returnFocus.current = null;
    if ((next?.restoreFocus ?? true) && previous?.isConnected) previous.focus({ preventScroll: true });
    // Once focus is back: a swap, for one, keeps the keyboard in the pane it finds focused.
    if (next) setTimeout(next.run, 0);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog palette" aria-describedby={undefined} onOpenAutoFocus={onOpenAutoFocus} onCloseAutoFocus={onCloseAutoFocus} data-testid="command-palette">
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          <PaletteBody
            documents={documents}
            openDocuments={openDocuments}
            mod={mod}
            theme={theme}
            canImport={onImport !== undefined}
            compare={props.compare}
            canShowNotes={ui !== null}
            actions={actions}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
