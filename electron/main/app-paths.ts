/**
 * Where the main process finds its data folder, the bundled documents, the
 * renderer build and the preload, in development and when packaged.
 */
import { isAbsolute, join, resolve } from 'node:path';

/** What the paths are derived from; in the app these come from `app` and `process`. */
export interface PathSources {
  userData: string;
  /** `app.getAppPath()`: the project root in development, `resources/app.asar` when packaged. */
  appPath: string;
  isPackaged: boolean;
  /** `process.resourcesPath`: where electron-builder's `extraResources` land. */
  resourcesPath: string;
}

/** Every path the main process reads from or hands to Electron. */
export interface AppPaths {
  dataDir: string;
  documentsDir: string;
  rendererDir: string;
  preloadPath: string;
  /** Compare mode's worker thread and the word vectors it loads: unpacked, since a worker cannot start from inside the asar. */
  compareWorkerFile: string;
  wordVectorsFile: string;
}

/** Resolves every path the main process needs. */
export function resolveAppPaths({ userData, appPath, isPackaged, resourcesPath }: PathSources): AppPaths {
  // electron-builder's `asarUnpack` puts these files beside the asar, in app.asar.unpacked.
  const unpackedRoot = isPackaged ? appPath.replace(/\.asar$/, '.asar.unpacked') : appPath;
  return {
    dataDir: userData,
    // Documents ship outside the asar so they stay plain files a reader can inspect.
    documentsDir: isPackaged ? join(resourcesPath, 'documents') : join(appPath, 'documents'),
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(appPath, 'dist', 'electron', 'preload.cjs'),
    compareWorkerFile: join(unpackedRoot, 'dist', 'electron', 'compare-worker.mjs'),
    wordVectorsFile: join(unpackedRoot, 'dist', 'data', 'word-vectors.bin'),
  };
}

/**
 * The folder given with `--data DIR` or `--data=DIR`, made absolute, or null.
 * The same option as the browser-mode host, so tests and readers can keep
 * separate libraries (and separate single-instance locks).
 */
export function dataDirFromArgs(argv: readonly string[], cwd: string = process.cwd()): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--data') value = argv[i + 1];
    else if (arg.startsWith('--data=')) value = arg.slice('--data='.length);
    else continue;
    if (value === undefined || value === '' || value.startsWith('--')) return null;
    return isAbsolute(value) ? value : resolve(cwd, value);
  }
  return null;
}
