import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, migrate, NewerDatabaseError, openDatabase, SCHEMA_VERSION, upgrade } from '../../../electron/library/database';
import { DurableJsonFile } from '../../../electron/library/durable-json-file';
import { tempDir } from '../../support/paths';

const fixedNow = () => new Date('2026-11-25T10:20:30.456Z');

describe('openDatabase', () => {
  it('creates a fresh database file with the current schema version', async () => {
    const dir = await tempDir();
    const { db, path, movedAside } = await openDatabase(dir);
    expect(movedAside).toBeNull();
    expect(path).toBe(join(dir, DATABASE_FILE));
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(db.data.documents).toEqual([]);
  });

  it('moves a file that is not JSON aside, keeps its bytes, starts fresh and leaves a notice naming where it went', async () => {
    const dir = await tempDir();
    const garbage = '{"schemaVersion":1,"documents":[{"id":';
    await writeFile(join(dir, DATABASE_FILE), garbage);
    const { db, movedAside } = await openDatabase(dir, fixedNow);
    expect(movedAside).toBe(join(dir, `${DATABASE_FILE}.corrupt-2026-11-25T10-20-30-456Z`));
    expect(await readFile(movedAside!, 'utf8')).toBe(garbage);
    expect(db.data.notices).toHaveLength(1);
    expect(db.data.notices[0]!.message).toContain(movedAside!);
    expect(db.data.notices[0]!.message).toContain('not valid JSON');
    const fresh = JSON.parse(await readFile(join(dir, DATABASE_FILE), 'utf8'));
    expect(fresh.notices[0].message).toContain(movedAside!);
  });

  it('moves aside JSON of the wrong shape too', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, DATABASE_FILE), JSON.stringify({ schemaVersion: 1, documents: 'oops' }));
    const { movedAside } = await openDatabase(dir, fixedNow);
    expect(movedAside).not.toBeNull();
    expect(JSON.parse(await readFile(movedAside!, 'utf8')).documents).toBe('oops');
  });

  it('refuses a database written by a newer version instead of overwriting it', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, documents: [] });
    await writeFile(join(dir, DATABASE_FILE), newer);
    await expect(openDatabase(dir)).rejects.toBeInstanceOf(NewerDatabaseError);
    expect(await readFile(join(dir, DATABASE_FILE), 'utf8')).toBe(newer);
  });
});

describe('migrate', () => {
  it('runs each migration step in order up to the target version', () => {
    const steps = {
      1: (old: Record<string, unknown>) => ({ ...old, colours: ['yellow'] }),
      2: (old: Record<string, unknown>) => ({ ...old, colours: [...(old.colours as string[]), 'green'] }),
    };
    const data = upgrade({ schemaVersion: 1, documents: [] }, 'test.json', steps, 3);
    expect(data).toEqual({ schemaVersion: 3, documents: [], colours: ['yellow', 'green'] });
    expect(() => upgrade({ schemaVersion: 1 }, 'test.json', {}, 2)).toThrow('no migration from schema 1');
    expect(() => upgrade({ schemaVersion: 4 }, 'test.json', steps, 3)).toThrow(NewerDatabaseError);
  });

  it('accepts the current schema unchanged', () => {
    const current = { schemaVersion: SCHEMA_VERSION, documents: [], layout: null, settings: { theme: 'sepia', fontSize: 18, fontFamily: 'serif', lineWidth: 66 }, notices: [] };
    expect(migrate(current, 'x')).toEqual(current);
  });

  it('upgrades a schema 2 library without rejected suggestions, and keeps them in schema 3', () => {
    const settings = { theme: 'light', fontSize: 18, fontFamily: 'serif', lineWidth: 66 };
    const v2 = { schemaVersion: 2, documents: [], layout: null, settings, notices: [] };
    expect(migrate(v2, 'x')).toEqual({ ...v2, schemaVersion: 3 });
    const rejection = { pair: 'a|b', id: 'f00', passages: { a: { start: 0, end: 4, quote: 'Once' }, b: { start: 2, end: 6, quote: 'upon' } }, rejectedAt: '2026-11-25T10:00:00.000Z' };
    expect(migrate({ ...v2, schemaVersion: 3, rejectedSuggestions: [rejection] }, 'x').rejectedSuggestions).toEqual([rejection]);
    expect(() => migrate({ ...v2, schemaVersion: 3, rejectedSuggestions: [{ pair: 'a|b' }] }, 'x')).toThrow(/rejectedSuggestions/);
  });

  it('explains a missing schema version', () => {
    expect(() => migrate({ documents: [] }, 'x')).toThrow(/schemaVersion/);
    expect(() => migrate([], 'x')).toThrow(/not an object/);
  });
});

describe('DurableJsonFile', () => {
  it('writes through a temp file and leaves none behind', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'db.json'));
    await file.write({ n: 1 });
    expect(await readdir(dir)).toEqual(['db.json']);
    expect(await file.read()).toEqual({ n: 1 });
  });

  it('coalesces overlapping writes and ends with the newest data', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'db.json'));
    await Promise.all(Array.from({ length: 50 }, (_, n) => file.write({ n })));
    expect(await file.read()).toEqual({ n: 49 });
  });

  it('answers null for a missing file', async () => {
    const dir = await tempDir();
    expect(await new DurableJsonFile(join(dir, 'nope.json')).read()).toBeNull();
  });
});
