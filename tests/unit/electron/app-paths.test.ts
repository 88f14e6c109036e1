// @vitest-environment node
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgs, resolveAppPaths } from '../../../electron/main/app-paths';

describe('resolveAppPaths', () => {
  it('finds documents beside the app root in development', () => {
    const paths = resolveAppPaths({ userData: '/u', appPath: '/repo', isPackaged: false, resourcesPath: '/electron/resources' });
    expect(paths).toEqual({
      dataDir: '/u',
      documentsDir: join('/repo', 'documents'),
      rendererDir: join('/repo', 'dist', 'renderer'),
      preloadPath: join('/repo', 'dist', 'electron', 'preload.cjs'),
      compareWorkerFile: join('/repo', 'dist', 'electron', 'compare-worker.mjs'),
      wordVectorsFile: join('/repo', 'dist', 'data', 'word-vectors.bin'),
    });
  });

  it('finds documents in the resources folder when packaged, and the rest inside the asar', () => {
    const paths = resolveAppPaths({ userData: '/u', appPath: '/opt/Diptych/resources/app.asar', isPackaged: true, resourcesPath: '/opt/Diptych/resources' });
    expect(paths.documentsDir).toBe(join('/opt/Diptych/resources', 'documents'));
    expect(paths.rendererDir).toBe(join('/opt/Diptych/resources/app.asar', 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(join('/opt/Diptych/resources/app.asar', 'dist', 'electron', 'preload.cjs'));
  });

  it('starts the compare worker and reads the word vectors from app.asar.unpacked when packaged', () => {
    const paths = resolveAppPaths({ userData: '/u', appPath: '/opt/Diptych/resources/app.asar', isPackaged: true, resourcesPath: '/opt/Diptych/resources' });
    expect(paths.compareWorkerFile).toBe(join('/opt/Diptych/resources/app.asar.unpacked', 'dist', 'electron', 'compare-worker.mjs'));
    expect(paths.wordVectorsFile).toBe(join('/opt/Diptych/resources/app.asar.unpacked', 'dist', 'data', 'word-vectors.bin'));
  });
});

describe('dataDirFromArgs', () => {
  it('reads --data DIR and --data=DIR, resolving relative folders', () => {
    expect(dataDirFromArgs(['electron', '.', '--data', '/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFromArgs(['diptych', '--data=/tmp/lib2'])).toBe('/tmp/lib2');
    expect(dataDirFromArgs(['diptych', '--data', 'rel'], '/work')).toBe(resolve('/work', 'rel'));
  });

  it('ignores a missing or empty value and other options', () => {
    expect(dataDirFromArgs(['diptych'])).toBeNull();
    expect(dataDirFromArgs(['diptych', '--data'])).toBeNull();
    expect(dataDirFromArgs(['diptych', '--data='])).toBeNull();
    expect(dataDirFromArgs(['diptych', '--data', '--inspect'])).toBeNull();
    expect(dataDirFromArgs(['diptych', '--database=/x'])).toBeNull();
  });
});
