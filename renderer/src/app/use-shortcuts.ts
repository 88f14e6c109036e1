/**
 * Listens for the app's keyboard shortcuts on the window.
 */
import { useEffect } from 'react';
import { useLatest } from '../lib/use-latest';
import { matchShortcut, type ShortcutCommand } from './shortcuts';

/** Calls `run` with each shortcut pressed; `dialogOpen` mutes all but the settings toggle. */
export function useShortcuts(run: (command: ShortcutCommand) => void, dialogOpen: boolean): void {
  const latest = useLatest({ run, dialogOpen });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = matchShortcut(event, latest.current.dialogOpen);
      if (!command) return;
      event.preventDefault();
      latest.current.run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [latest]);
}
