// Commander wiring and nothing else: options in, a command's exit status out.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { KamError, isUsageProblem } from '../core/problems.js';
import { catalogue, langFromEnv } from '../i18n/index.js';
import { renderProblem } from '../report/messages.js';
import { registerAnalyze } from './analyze.js';
import { registerAlive } from './alive.js';
import { registerLost } from './lost.js';
import { registerClient } from './client.js';
import { registerConfig } from './config-command.js';
import { langInArgv, withConfigSource, type RunState } from './settings.js';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function buildProgram(io: CommandIo, setExit: (code: number) => void, state: RunState = { t: catalogue(langFromEnv(io.env).lang), fromConfig: new Map() }): Command {
  const program = new Command('kam')
    .description('Key-account analysis of a sales ledger: ABC-XYZ matrix, key clients, lost clients')
    .version(VERSION)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line, like every other kam error: "kam: unknown option '--x' (kam --help for usage)".
      outputError: (s, write) => write(`kam: ${s.replace(/^error:\s*/, '').trim()} (kam --help for usage)\n`),
    })
    .exitOverride();

  registerAnalyze(program, io, VERSION, setExit, state);
  registerLost(program, io, VERSION, setExit, state);
  registerAlive(program, io, VERSION, setExit, state);
  registerClient(program, io, VERSION, setExit, state);
  registerConfig(program, io, setExit, state);
  return program;
}

/** Runs kam with argv (without node and script); resolves to the exit status. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  let exitCode = 0;
  // The language until a command has read its options (--lang, the config file): errors on the way speak it.
  const state: RunState = { t: catalogue(langInArgv(argv) ?? langFromEnv(io.env).lang), fromConfig: new Map() };
  const program = buildProgram(io, (code) => (exitCode = code), state);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed its one-line error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof KamError) {
      io.stderr.write(`kam: ${renderProblem(withConfigSource(error.problem, state), state.t)}\n`);
      return isUsageProblem(error.problem) ? 2 : 1;
    }
    // A bug, not bad input: still one line, but say where to look.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`kam: ${state.t.cli.internalError(message)}\n`);
    if (io.env.KAM_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

export async function main(): Promise<void> {
  // `kam … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const now = new Date();
  const io: CommandIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    today: Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000),
  };
  const code = await run(process.argv.slice(2), io);
  process.exitCode = code;
}
