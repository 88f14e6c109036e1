/**
 * When the library backs itself up, and how a restore is carried out for
 * the service: a backup at start and then hourly while there were changes,
 * and a restore that keeps the current files aside first and, if copying
 * fails halfway, puts them back, so the library is always one or the other.
 */
import { ApiError } from '../api/errors';
import { copyBackupIntoPlace, verifyBackup, type VerifiedBackup } from './backup-restore';
import { createBackup, KEPT_BACKUPS, type BackupKind, type BackupSummary } from './backups';
import type { DurableFs } from './durable-json-file';
import type { Logger } from './log-file';
import { describeWriteError } from './save-status';

const HOUR_MS = 60 * 60 * 1000;

/** How often and how many; false turns automatic backups off (tests). */
export type BackupSettings = { intervalMs?: number; keep?: number } | false;

/** How much the library holds, for a backup's manifest. */
export interface LibraryCounts {
  documentCount: number;
  annotationCount: number;
}

export interface BackupKeeperOptions {
  dataDir: string;
  logger: Logger;
  settings: BackupSettings | undefined;
  counts: () => LibraryCounts;
  fs: DurableFs;
}

export class BackupKeeper {
  readonly #options: BackupKeeperOptions;
  #changed = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: BackupKeeperOptions) {
    this.#options = options;
  }

  /** Something was saved: the next hourly tick has a reason to back up. */
  changed(): void {
    this.#changed = true;
  }

  /**
   * Makes a backup unless there is no need (automatic backups off, or no
   * change since the last one). A failure is logged and answered with null:
   * a backup must never stop the reader.
   */
  async backUp(kind: BackupKind, atStart = false): Promise<BackupSummary | null> {
    const { dataDir, logger, settings } = this.#options;
    if (kind === 'automatic' && (settings === false || (!atStart && !this.#changed))) return null;
    this.#changed = false;
    try {
      const made = await createBackup(dataDir, {
        kind,
        ...this.#options.counts(),
        skipIfUnchanged: kind === 'automatic',
        keep: (settings && settings.keep) || KEPT_BACKUPS,
      });
      if (made) logger.info(`made the ${kind} backup ${made.id} (${made.documents} documents, ${made.annotations} annotations).`);
      return made;
    } catch (error) {
      this.#changed = true;
      logger.error(`could not make a ${kind} backup in ${dataDir}`, error);
      return null;
    }
  }

  /** Backs up every interval while there were changes; `run` lets the caller keep ticks clear of a restore. */
  start(run: (work: () => Promise<unknown>) => Promise<unknown>): void {
    const { settings } = this.#options;
    if (settings === false) return;
    this.#timer = setInterval(() => void run(() => this.backUp('automatic')), settings?.intervalMs ?? HOUR_MS);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /**
   * Puts the backup `id` back on disk: checks it whole, lets `saveFirst`
   * write anything still only in memory, keeps the current files aside as a
   * `before-restore` backup, then copies. Answers the id of the copy kept
   * aside. The caller reloads its state afterwards.
   */
  async restore(id: string, saveFirst: () => Promise<void>): Promise<string> {
    const backup = await verifyBackup(this.#options.dataDir, id);
    try {
      await saveFirst();
    } catch (error) {
      throw new ApiError('storage', `The backup was not restored: changes still waiting to be saved could not be written first (${(error as Error).message}). Nothing was changed.`);
    }
    const kept = await this.backUp('before-restore');
    if (!kept) {
      throw new ApiError('storage', `The backup was not restored: the library as it is now could not be kept aside first (see ${this.#options.logger.file}). Nothing was changed.`);
    }
    await this.#copyOrRollBack(backup, kept.id);
    return kept.id;
  }

  async #copyOrRollBack(backup: VerifiedBackup, keptId: string): Promise<void> {
    const { dataDir, logger, fs } = this.#options;
    try {
      await copyBackupIntoPlace(dataDir, backup, fs);
    } catch (error) {
      logger.error(`restoring the backup ${backup.manifest.id} failed halfway; putting back ${keptId}`, error);
      try {
        await copyBackupIntoPlace(dataDir, await verifyBackup(dataDir, keptId), fs);
      } catch (again) {
        logger.error(`putting back ${keptId} failed too; the restore finishes at the next start`, again);
        throw new ApiError('storage', `The restore stopped halfway: ${describeWriteError(error)}. It will be finished when Diptych next starts; until then, changes may not be kept.`);
      }
      throw new ApiError('storage', `The backup was not restored: ${describeWriteError(error)}. Nothing was changed.`);
    }
  }
}
