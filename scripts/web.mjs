#!/usr/bin/env node
// `npm run web -- [--port N] [--data DIR] [--no-open]`: builds what is
// missing or stale, then runs the browser-mode host in this process.
import { buildAll } from './build.mjs';

try {
  await buildAll({ only: ['renderer', 'host'] });
} catch (error) {
  console.error(`Diptych: the build failed, so browser mode cannot start: ${error.message}`);
  process.exit(1);
}
await import('../dist/host/host.mjs');
