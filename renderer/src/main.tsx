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

applyThemeHint(document.documentElement);
startBoot();

const container = document.getElementById('root');
if (!container) throw new Error('Diptych: index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
