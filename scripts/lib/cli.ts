/**
 * Shared CLI plumbing: argument parsing with clear usage errors, a progress display (a bar on a
 * terminal, plain lines otherwise) and exit codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';

export class UsageExit extends Error {}

export function parseCli<T extends ParseArgsConfig['options']>(
  usage: string,
  options: T,
  argv = process.argv.slice(2),
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
}

export interface Progress {
  tick(done: number, total: number, path: string): void;
  stop(): void;
}

export function progress(label: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} chapters  {file}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      tick(done, total, path) {
        if (!started) {
          bar.start(total, 0, { file: '' });
          started = true;
        }
        bar.update(done, { file: path.length > 50 ? `…${path.slice(-49)}` : path });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    tick(done, total) {
      const now = Date.now();
      if (done === total || now - last > 2000) {
        process.stderr.write(`${label}: ${done}/${total} chapters\n`);
        last = now;
      }
    },
    stop() {},
  };
}

/** Runs a CLI's main, printing errors without a stack trace and setting the exit code. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
