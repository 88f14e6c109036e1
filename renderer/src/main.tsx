/**
 * Renderer entry: fonts and styles (all bundled, never fetched from the
 * network), the remembered theme, then the app.
 */
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/600.css';
import '@fontsource/literata/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/themes.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/library.css';
import './styles/panes.css';
import './styles/reader.css';
import './styles/find.css';
import './styles/dialogs.css';
import './styles/palette.css';
import './styles/pdf.css';
import './styles/annotations.css';
import './styles/notes-panel.css';
import './styles/note-editor.css';
import './styles/compare.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyThemeHint } from './app/apply-settings';
import { startBoot } from './app/use-bootstrap';

/** The longest the first render waits for the session before showing the loading screen. */
const FIRST_RENDER_WAIT_MS = 150;

applyThemeHint(document.documentElement);
const booting = startBoot();

const container = document.getElementById('root');
if (!container) throw new Error('Diptych: index.html has no #root element.');
const root = createRoot(container);
let rendered = false;
const render = () => {
  if (rendered) return;
  rendered = true;
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
// React's first render holds the main thread for a while: the session answers first, so the
// open texts are already being asked for (and downloading) while the workspace is built.
booting.then(render, render);
setTimeout(render, FIRST_RENDER_WAIT_MS);
