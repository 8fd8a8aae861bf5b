// Tiny flag parsing for the operator commands: `--name value` and bare `--flag`, plus positionals.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export function cliArgs<const T extends ParseArgsOptionsConfig>(options: T) {
  // pnpm passes a literal `--` through to the script: drop it.
  const args = process.argv.slice(2).filter((a) => a !== '--');
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** Prints the message and exits with code 2 (usage), as the commands document. */
export function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/**
 * A path the user typed, from where they typed it: `pnpm run` from the repository root runs the
 * server's script in server/, and says where it was started in INIT_CWD.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * Writes the last output and exits with `code` once it is flushed. Explicit, because a library
 * closing down (the database pool, the logger) may leave `process.exitCode` reset to 0.
 */
export function finish(stream: NodeJS.WriteStream, text: string, code: number): void {
  stream.write(text, () => process.exit(code));
}
