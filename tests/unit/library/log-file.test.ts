import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../electron/api/errors';
import { LOG_FILE, LOGS_FOLDER, maskSecrets, openLogFile, pointToLog } from '../../../electron/library/log-file';
import { tempDir } from '../../support/paths';

const fixedTime = () => new Date('2026-11-25T14:02:00.000Z');

describe('the log file', () => {
  it('writes timestamped records to <data>/logs/diptych.log, with the stack of an error', async () => {
    const dir = await tempDir();
    const log = openLogFile(dir, { now: fixedTime });
    expect(log.file).toBe(join(dir, LOGS_FOLDER, LOG_FILE));
    log.info('starting');
    log.error('putAnnotation failed unexpectedly', new TypeError('x is not a function'));
    const text = await readFile(log.file, 'utf8');
    expect(text).toMatch(/^2026-11-25T14:02:00\.000Z INFO starting\n2026-11-25T14:02:00\.000Z ERROR putAnnotation failed unexpectedly\n {4}TypeError: x is not a function\n {4,}at /);
  });

  it('rotates at the size limit and keeps the given number of older files', async () => {
    const dir = await tempDir();
    const log = openLogFile(dir, { maxBytes: 1000, keep: 3, now: fixedTime });
    for (let i = 0; i < 100; i++) log.info(`record ${i} ${'x'.repeat(80)}`);
    const names = (await readdir(join(dir, LOGS_FOLDER))).sort();
    expect(names).toEqual(['diptych.log', 'diptych.log.1', 'diptych.log.2', 'diptych.log.3']);
    for (const name of names) expect((await readFile(join(dir, LOGS_FOLDER, name))).length).toBeLessThanOrEqual(1000);
    expect(await readFile(log.file, 'utf8')).toContain('record 99 ');
    // Newest first: .1 holds the records just before the current file's.
    const first = (await readFile(join(dir, LOGS_FOLDER, 'diptych.log.1'), 'utf8')).match(/record (\d+)/)![1];
    const third = (await readFile(join(dir, LOGS_FOLDER, 'diptych.log.3'), 'utf8')).match(/record (\d+)/)![1];
    expect(Number(first)).toBeGreaterThan(Number(third));
  });

  it('continues an existing log and counts its size', async () => {
    const dir = await tempDir();
    openLogFile(dir, { maxBytes: 200 }).info('a'.repeat(150));
    openLogFile(dir, { maxBytes: 200 }).info('b'.repeat(150));
    expect(await readdir(join(dir, LOGS_FOLDER))).toHaveLength(2);
  });

  it('masks anything that looks like the browser-mode token', () => {
    expect(maskSecrets('opened http://127.0.0.1:5000/?token=abcDEF_123-x and X-Diptych-Token: abc123')).toBe(
      'opened http://127.0.0.1:5000/?token=[hidden] and X-Diptych-Token: [hidden]',
    );
  });

  it('never throws when the log cannot be written, and says so once', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOGS_FOLDER), 'a file where the folder should be');
    const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = openLogFile(dir);
    expect(() => {
      log.info('one');
      log.error('two', new Error('boom'));
    }).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('cuts a huge record rather than letting it push the rest out', async () => {
    const dir = await tempDir();
    const log = openLogFile(dir);
    log.info('y'.repeat(100_000));
    expect((await readFile(log.file, 'utf8')).length).toBeLessThan(20_000);
  });
});

describe('pointToLog', () => {
  it('adds where the details are to internal answers only', () => {
    expect(pointToLog(fail('internal', 'putAnnotation failed unexpectedly: boom'), '/data/logs/diptych.log')).toEqual(
      fail('internal', 'putAnnotation failed unexpectedly: boom. Details were written to /data/logs/diptych.log.'),
    );
    expect(pointToLog(fail('not-found', 'There is no notice "x".'), '/l')).toEqual(fail('not-found', 'There is no notice "x".'));
    expect(pointToLog(ok(1), '/l')).toEqual(ok(1));
  });
});
