/**
 * The shape every command-line script of the project has: a core function
 * (`runCheck`, `runImport`, `runNew`) that takes the arguments and returns
 * what the terminal would show, and a script in `scripts/` that is only a
 * shell over it (`runAsScript`). Tests call the core in the test process,
 * which is the same code without a new Node process per case; one real run
 * per script proves the shell.
 */
import path from 'node:path';

/** How a command ended and what it printed: byte for byte what the terminal gets. */
export interface CommandResult {
  /** The process exit code: 0 for success, 1 for a failure the command explains. */
  readonly exitCode: number;
  /** Everything written to standard output, newlines included. */
  readonly stdout: string;
  /** Everything written to standard error, newlines included. */
  readonly stderr: string;
}

export interface CommandOptions {
  /**
   * The folder relative paths in the arguments mean, as a shell's working
   * folder does; messages show the paths as typed. `process.cwd()` by default.
   */
  readonly cwd?: string;
  /** Receives standard output as it is written (a script passes the process's), so a long run shows progress. */
  readonly stdout?: (text: string) => void;
  /** The same for standard error. */
  readonly stderr?: (text: string) => void;
}

/**
 * A command core's two output streams, in lines as `console.log` and
 * `console.error` print them, kept for the `CommandResult` and passed on to
 * the writers of the options as they come.
 * @example const out = new CommandOutput({}); out.log('done'); out.result(0) // { exitCode: 0, stdout: 'done\n', stderr: '' }
 */
export class CommandOutput {
  #stdout = '';
  #stderr = '';
  readonly #options: CommandOptions;

  constructor(options: CommandOptions) {
    this.#options = options;
  }

  /** One line of standard output (a newline is added). */
  log(line: string): void {
    this.#stdout += `${line}\n`;
    this.#options.stdout?.(`${line}\n`);
  }

  /** One line of standard error (a newline is added). */
  error(line: string): void {
    this.#stderr += `${line}\n`;
    this.#options.stderr?.(`${line}\n`);
  }

  /** The result with what was printed so far. */
  result(exitCode: number): CommandResult {
    return { exitCode, stdout: this.#stdout, stderr: this.#stderr };
  }
}

/**
 * A path from the arguments, for the file system: against `cwd` when relative.
 * @example resolveArg('content', { cwd: '/site' }) // '/site/content'
 */
export function resolveArg(arg: string, { cwd }: CommandOptions): string {
  return cwd === undefined ? arg : path.resolve(cwd, arg);
}

/**
 * Runs a command core as the script of this process: its arguments, its
 * working folder, its output streams (written as they come) and its exit
 * code. An exception the core does not handle is left to Node, which prints
 * its stack and exits 1, as a script's own would.
 * @example await runAsScript(runCheck) // in scripts/check.ts
 */
export async function runAsScript(command: (args: readonly string[], options: CommandOptions) => Promise<CommandResult>): Promise<void> {
  const { exitCode } = await command(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = exitCode;
}
