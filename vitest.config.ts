import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/hardening/**/*.test.ts'],
    // Builds the browser-mode host once for the tests that run it as a child process.
    globalSetup: ['tests/hardening/support/build-host.ts', 'tests/unit/compare/support/word-vectors-setup.mjs'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
