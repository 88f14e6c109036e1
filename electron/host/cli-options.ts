/**
 * Command-line options of the browser-mode host:
 * `--port N`, `--data DIR`, `--no-open`, and `--documents DIR` for tests.
 */
import { resolve } from 'node:path';

export interface HostCliOptions {
  port: number;
  dataDir: string | null;
  documentsDir: string | null;
  open: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run web -- [--port N] [--data DIR] [--no-open]
  --port N     listen on 127.0.0.1:N (default: a free port)
  --data DIR   keep the library in DIR (default: the usual per-user data folder)
  --no-open    do not open a browser`;

/** Parses argv (without node and script); throws UsageError with a specific message. */
export function parseHostArgs(argv: readonly string[]): HostCliOptions {
  const options: HostCliOptions = { port: 0, dataDir: null, documentsDir: null, open: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value.`);
      return v;
    };
    switch (name) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port takes a whole number from 0 to 65535, not "${raw}".`);
        options.port = port;
        break;
      }
      case '--data':
        options.dataDir = resolve(value());
        break;
      case '--documents':
        options.documentsDir = resolve(value());
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`Unknown option "${arg}".`);
    }
  }
  return options;
}
