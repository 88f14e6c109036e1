/**
 * Electron entry point. Everything happens in ./main/app, which tests drive
 * with a fake `electron` module.
 */
import { app } from 'electron';
import { startDiptych } from './main/app';

startDiptych().catch((error: unknown) => {
  console.error('[diptych] startup failed', error);
  app.exit(1);
});
