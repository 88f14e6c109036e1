/**
 * Where the host's log is, so an unexpected failure can send the reader (or
 * whoever helps them) to the details. Asked for lazily, the first time a
 * message needs it, and once per window: the path does not change while
 * the host runs.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';

let known: string | null = null;
let asking: Promise<string | null> | null = null;

/**
 * The log file's path, or null when the host could not say. A failure is
 * not remembered: the host may answer next time (it may be what failed).
 */
export function fetchLogFile(): Promise<string | null> {
  if (known !== null) return Promise.resolve(known);
  asking ??= api.getDiagnostics({}).then(
    ({ logFile }) => {
      known = logFile || null;
      asking = null;
      return known;
    },
    () => {
      asking = null;
      return null;
    },
  );
  return asking;
}

/** Forgets the path (tests start each case from a fresh window). */
export function resetDiagnostics(): void {
  known = null;
  asking = null;
}

/** The log file's path once the host has said it; null until then, and when it cannot. */
export function useLogFile(): string | null {
  const [logFile, setLogFile] = useState<string | null>(known);
  useEffect(() => {
    if (logFile !== null) return;
    let live = true;
    void fetchLogFile().then((path) => {
      if (live && path !== null) setLogFile(path);
    });
    return () => {
      live = false;
    };
  }, [logFile]);
  return logFile;
}
