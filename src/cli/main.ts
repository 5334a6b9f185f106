// Commander wiring and nothing else: options in, a command's exit status out.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { KamError, isUsageProblem } from '../core/problems.js';
import { catalogue, isLang, langFromEnv, type Lang } from '../i18n/index.js';
import { renderProblem } from '../report/messages.js';
import { registerCommands, type RunState } from './commands.js';
import { registerConfig } from './config-command.js';
import { configLang, loadConfig } from './config.js';
import type { Problem } from '../core/problems.js';

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

  registerCommands(program, io, VERSION, setExit, state);
  registerConfig(program, io, setExit, state);
  return program;
}

/** Runs kam with argv (without node and script); resolves to the exit status. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  let exitCode = 0;
  // The language until a command has read its options: errors on the way (a bad value, a problem in
  // the config file) speak --lang, else the language the config file asks for, else the locale's.
  const state: RunState = { t: catalogue(langInArgv(argv) ?? earlyConfigLang(argv, io) ?? langFromEnv(io.env).lang), fromConfig: new Map() };
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

/** The language named on the command line, looked up before commander parses. */
function langInArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return undefined;
}

/** The language of the config file the command line names (or kam.config.json), if it reads. */
function earlyConfigLang(argv: readonly string[], io: CommandIo): Lang | undefined {
  const at = argv.findIndex((a) => a === '--config' || a.startsWith('--config='));
  const path = at < 0 ? undefined : argv[at]!.startsWith('--config=') ? argv[at]!.slice(9) : argv[at + 1];
  try {
    return configLang(loadConfig(path, io), argv[0]);
  } catch {
    return undefined;
  }
}

/** A usage problem about a value the config file set: the message says where. */
function withConfigSource(problem: Problem, state: RunState): Problem {
  const flag = problem.details?.flag;
  if (problem.code !== 'bad-option' || typeof flag !== 'string') return problem;
  const from = state.fromConfig.get(flag);
  return from === undefined ? problem : { ...problem, details: { ...problem.details, configFile: from.file, configKey: from.key } };
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
