/**
 * A separate process racing for a data folder's lock:
 *   node --import tsx take-lock.ts <dir> <hold ms>
 * prints "ready", waits for a line on stdin (the starting shot, sent to all
 * racers at once), tries to take the lock, holds it, gives it back, then
 * prints one JSON line: {"got":true,"from":…,"to":…} with the times it held
 * the lock, or {"got":false,"message":…}.
 */
import { once } from 'node:events';
import { acquireDataLock } from '../../../electron/library/data-lock';

const [dir, holdMs] = process.argv.slice(2);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.pause();
try {
  const lock = await acquireDataLock(dir!, 'browser');
  const from = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  // Taken just before release: the holding ends here at the latest.
  const to = Date.now();
  await lock.release();
  console.log(JSON.stringify({ got: true, from, to }));
} catch (error) {
  console.log(JSON.stringify({ got: false, message: error instanceof Error ? error.message : String(error) }));
}
