/**
 * Everything the window needs before it can show the workspace: the
 * session (layout and settings), the library and the host's notices.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, DocumentSummary, Session } from '../../../electron/api/contract';
import { prefetchAnnotations, type OpenPane } from '../annotations/prefetch';
import { api } from '../api';
import { loadDocument } from '../panes/document-cache';
import { preloadPdf } from '../pdf/pdf-file';
import { preloadReadingFont } from './apply-settings';

/** The start-up data. */
export interface BootData {
  session: Session;
  documents: DocumentSummary[];
  /** Null when the host could not say (notices are a nicety, not a reason to fail). */
  appInfo: AppInfo | null;
}

/** Where start-up is. */
export type BootState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: BootData };

/**
 * Longest the workspace waits for the first screen's data (the open texts, PDF files and nearby annotations).
 * A response is read by the window's main thread as it arrives: building the workspace meanwhile would stall
 * a 5 MB text in the pipe for as long as the building takes, so the building waits for it (briefly).
 */
const FIRST_SCREEN_DATA_WAIT_MS = 700;

async function boot(): Promise<BootData> {
  const appInfoLoading = api.getAppInfo({}).catch((error: unknown) => {
    console.warn('Diptych: could not read the app info; notices are not shown.', error);
    return null;
  });
  const [session, documents] = await Promise.all([api.getSession({}), api.listDocuments({})]);
  preloadReadingFont(session.settings.fontFamily);
  // The open texts are asked for before the annotations: the host answers in turn, and a pane can
  // show its text (and anchor its highlights) only once the text is here.
  const open: OpenPane[] = [];
  const firstScreen: Promise<unknown>[] = [];
  for (const side of ['left', 'right'] as const) {
    const { documentId: id, position } = session.layout[side];
    const summary = id === null ? undefined : documents.find((document) => document.id === id);
    if (id !== null && summary) {
      // A PDF's first page needs its file and the viewer's code, not its text: those go first.
      if (summary.kind === 'pdf') firstScreen.push(preloadPdf(id, summary.contentId));
      firstScreen.push(loadDocument(id));
      open.push({ documentId: id, position });
    }
  }
  firstScreen.push(prefetchAnnotations(open));
  const appInfo = await appInfoLoading;
  await Promise.race([Promise.allSettled(firstScreen), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_DATA_WAIT_MS))]);
  return { session, documents, appInfo };
}

let firstBoot: Promise<BootData> | null = null;
/** The first boot's outcome once it is known, so the first render can show the workspace at once. */
let firstOutcome: BootState | null = null;

/**
 * Starts loading before React renders its first frame (the entry calls it
 * as soon as the bundle runs), so the host is already answering while the
 * workspace is built.
 */
export function startBoot(): Promise<unknown> {
  if (!firstBoot) {
    const started = boot();
    firstBoot = started;
    // A failure is reported by useBootstrap (so it must not count as unhandled).
    started.then(
      (data) => {
        if (firstBoot === started) firstOutcome = { status: 'ready', data };
      },
      () => {},
    );
  }
  return firstBoot;
}

function takeBoot(): Promise<BootData> {
  const started = firstBoot;
  firstBoot = null;
  firstOutcome = null;
  return started ?? boot();
}

/** The first boot's data if it has already arrived (handed out once). */
function takeSettledBoot(): BootState | null {
  const outcome = firstOutcome;
  if (outcome) takeBoot();
  return outcome;
}

/** Loads the start-up data; `retry` starts over after a failure. */
export function useBootstrap(): { state: BootState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The entry waits briefly for the session before the first render, so it is usually here already.
  const [settledAtStart] = useState(takeSettledBoot);
  const [result, setResult] = useState<{ attempt: number; state: BootState } | null>(settledAtStart ? { attempt: 0, state: settledAtStart } : null);

  useEffect(() => {
    if (attempt === 0 && settledAtStart) return undefined;
    let live = true;
    takeBoot().then(
      (data) => {
        if (live) setResult({ attempt, state: { status: 'ready', data } });
      },
      (error: unknown) => {
        const message = error instanceof Error && error.message ? error.message : 'The host gave no reason.';
        if (live) setResult({ attempt, state: { status: 'error', message } });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, settledAtStart]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const state: BootState = result && result.attempt === attempt ? result.state : { status: 'loading' };
  return { state, retry };
}
