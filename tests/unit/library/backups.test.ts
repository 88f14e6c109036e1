import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { RESTORE_MARKER } from '../../../electron/library/backup-restore';
import { BACKUP_MANIFEST, BACKUPS_FOLDER, createBackup, listBackups, type BackupManifest } from '../../../electron/library/backups';
import { LibraryService, type LibraryOptions } from '../../../electron/library/library-service';
import { highlight, note, passage, SOVIET } from '../../fixtures/annotations/factory';
import { BUNDLED_DOCUMENTS, documentsDir, tempDir } from '../../support/paths';

const open = (dataDir: string, extra: Partial<LibraryOptions> = {}) =>
  LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: '0.0.0-test', log: () => {}, ...extra });

const backupNames = async (dir: string) => (await readdir(join(dir, BACKUPS_FOLDER))).sort();

describe('automatic backups', () => {
  it('backs up the database and annotation files at start, with counts in backup.json', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.putAnnotation({ annotation: highlight(passage(SOVIET, 0, 5, 'Share')) });
    await first.putAnnotation({ annotation: note('In the notebook') });
    await first.close();
    const second = await open(dir);
    const backups = await second.listBackups();
    expect(backups).toHaveLength(2);
    const [newest] = backups;
    expect(newest).toMatchObject({ kind: 'automatic', documents: BUNDLED_DOCUMENTS, annotations: 2 });
    expect(newest!.id).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/);
    const folder = join(dir, BACKUPS_FOLDER, newest!.id);
    expect((await readdir(folder, { recursive: true })).sort()).toEqual(
      ['annotations', 'annotations/documents', 'annotations/documents/soviet-overtures-1939.json', 'annotations/notebook.json', BACKUP_MANIFEST, 'diptych.json'].sort(),
    );
    const manifest = JSON.parse(await readFile(join(folder, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ documentCount: BUNDLED_DOCUMENTS, annotationCount: 2, createdAt: newest!.createdAt });
    expect(await readFile(join(folder, 'diptych.json'), 'utf8')).toBe(await readFile(join(dir, 'diptych.json'), 'utf8'));
    await second.close();
  });

  it('makes no new backup at a start when nothing changed since the last one', async () => {
    const dir = await tempDir();
    await (await open(dir)).close();
    await (await open(dir)).close();
    expect(await backupNames(dir)).toHaveLength(1);
  });

  it('backs up while running only after changes, at the interval', async () => {
    const dir = await tempDir();
    const library = await open(dir, { backups: { intervalMs: 40 } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await library.listBackups()).toHaveLength(1);
    await library.putAnnotation({ annotation: highlight(passage(SOVIET, 0, 5, 'Share')) });
    await vi.waitFor(async () => expect(await library.listBackups()).toHaveLength(2));
    expect((await library.listBackups())[0]).toMatchObject({ annotations: 1 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await library.listBackups()).toHaveLength(2);
    await library.close();
  });

  it('keeps the last ten of each kind, removing the oldest first', async () => {
    const dir = await tempDir();
    await (await open(dir, { backups: false })).close();
    for (let i = 0; i < 12; i++) {
      await writeFile(join(dir, 'annotations', 'notebook.json'), JSON.stringify({ schemaVersion: 1, documentId: null, savedAt: '', annotations: [], n: i }));
      await createBackup(dir, { kind: 'automatic', documentCount: 2, annotationCount: i, now: new Date(Date.UTC(2026, 0, 1, 0, i)) });
    }
    const kept = await listBackups(dir);
    expect(kept.map((b) => b.annotations)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(await backupNames(dir)).toHaveLength(10);
  });

  it('ignores a folder a crash left half-written, and clears it at the next backup', async () => {
    const dir = await tempDir();
    await (await open(dir, { backups: false })).close();
    await mkdir(join(dir, BACKUPS_FOLDER, '.partial-2026-01-01T00-00-00-000Z'), { recursive: true });
    expect(await listBackups(dir)).toEqual([]);
    await createBackup(dir, { kind: 'automatic', documentCount: 2, annotationCount: 0 });
    expect(await backupNames(dir)).toHaveLength(1);
  });
});

describe('restoreBackup', () => {
  it('puts a backup back, keeps the current library aside first, and reloads in place', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const kept = highlight(passage(SOVIET, 0, 5, 'Share'));
    await library.putAnnotation({ annotation: kept });
    await library.close();
    const again = await open(dir);
    const [backup] = await again.listBackups();
    expect(backup!.annotations).toBe(1);
    const later = highlight(passage(SOVIET, 10, 15, 'stock'));
    await again.putAnnotation({ annotation: later });
    await again.deleteAnnotation({ id: kept.id });
    await again.saveSettings({ settings: { theme: 'sepia', fontSize: 14, fontFamily: 'sans', lineWidth: 50 } });

    expect(await dispatch(again, 'restoreBackup', { id: backup!.id })).toEqual({ ok: true, value: null });
    expect(await again.listAnnotations({})).toEqual([kept]);
    expect((await again.getSession()).settings.theme).toBe('light');
    const aside = (await again.listBackups()).find((b) => b.kind === 'before-restore');
    expect(aside).toMatchObject({ annotations: 1 });
    expect(aside!.id).toMatch(/^before-restore-/);
    // The library before the restore can be restored in turn.
    await again.restoreBackup({ id: aside!.id });
    expect((await again.listAnnotations({})).map((a) => a.id)).toEqual([later.id]);
    expect((await again.getSession()).settings.theme).toBe('sepia');
    // And what was restored is what is on disk.
    await again.close();
    const reopened = await open(dir);
    expect((await reopened.listAnnotations({})).map((a) => a.id)).toEqual([later.id]);
    await reopened.close();
  });

  it('removes annotation files the backup does not have', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const [backup] = await library.listBackups();
    await library.putAnnotation({ annotation: highlight(passage(SOVIET, 0, 5, 'Share')) });
    await library.restoreBackup({ id: backup!.id });
    expect(await library.listAnnotations({})).toEqual([]);
    expect(await readdir(join(dir, 'annotations', 'documents'))).toEqual([]);
    await library.close();
  });

  it('refuses ids that are not backup ids before looking anywhere, and unknown ones with not-found', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    for (const id of ['../../etc/passwd', '..', '', '2026-01-01T00-00-00-000Z/../../x', 'before-restore-../x', `2026-01-01T00-00-00-000Z\0`]) {
      expect(await dispatch(library, 'restoreBackup', { id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await dispatch(library, 'restoreBackup', { id: '2020-01-01T00-00-00-000Z' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no backup "2020-01-01T00-00-00-000Z". listBackups names the backups there are.' },
    });
    await library.close();
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const a = highlight(passage(SOVIET, 0, 5, 'Share'));
    await library.putAnnotation({ annotation: a });
    const [backup] = await library.listBackups();
    await writeFile(join(dir, BACKUPS_FOLDER, backup!.id, 'diptych.json'), '{"schemaVersion":1}');
    expect(await dispatch(library, 'restoreBackup', { id: backup!.id })).toEqual({
      ok: false,
      error: { code: 'storage', message: `The backup ${backup!.id} cannot be restored: diptych.json in it has changed since the backup was made. Nothing was changed.` },
    });
    expect(await library.listAnnotations({})).toEqual([a]);
    expect((await library.listBackups()).some((b) => b.kind === 'before-restore')).toBe(false);
    await library.close();
  });

  it('never copies a file a tampered backup.json names outside the library files', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const [backup] = await library.listBackups();
    const manifestPath = join(dir, BACKUPS_FOLDER, backup!.id, BACKUP_MANIFEST);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BackupManifest;
    manifest.files.push({ path: '../../outside.json', bytes: 2, sha256: 'x' });
    await writeFile(manifestPath, JSON.stringify(manifest));
    // A manifest that names another path is not a backup at all.
    expect(await library.listBackups()).toEqual([]);
    expect(await dispatch(library, 'restoreBackup', { id: backup!.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await library.close();
  });

  it('holds other changes back until the restore is done, so none is written into the old files', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const [backup] = await library.listBackups();
    const a = highlight(passage(SOVIET, 0, 5, 'Share'));
    const restoring = library.restoreBackup({ id: backup!.id });
    const putting = library.putAnnotation({ annotation: a });
    await Promise.all([restoring, putting]);
    expect(await library.listAnnotations({})).toEqual([a]);
    await library.close();
    const reopened = await open(dir);
    expect(await reopened.listAnnotations({})).toEqual([a]);
    await reopened.close();
  });

  it('finishes at the next start a restore that a crash interrupted', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const [backup] = await library.listBackups();
    const a = highlight(passage(SOVIET, 0, 5, 'Share'));
    await library.putAnnotation({ annotation: a });
    await library.close();
    // As a crash right after the marker was written would leave it.
    await writeFile(join(dir, RESTORE_MARKER), JSON.stringify({ id: backup!.id }));
    const reopened = await open(dir);
    expect(await reopened.listAnnotations({})).toEqual([]);
    await expect(readFile(join(dir, RESTORE_MARKER))).rejects.toMatchObject({ code: 'ENOENT' });
    await reopened.close();
  });

  it('lists nothing, and restores nothing, in a library that was never backed up', async () => {
    const dir = await tempDir();
    const library = await open(dir, { backups: false });
    expect(await library.listBackups()).toEqual([]);
    await rm(join(dir, BACKUPS_FOLDER), { recursive: true, force: true });
    expect(await dispatch(library, 'restoreBackup', { id: '2026-01-01T00-00-00-000Z' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await library.close();
  });
});
