// Commander wiring and nothing else: options in, a command's exit status out.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { KamError, isUsageProblem } from '../core/problems.js';
import { catalogue, isLang, langFromEnv, type Lang } from '../i18n/index.js';
import { renderProblem } from '../report/messages.js';
import { registerCommands, type RunState } from './commands.js';
import { registerConfig } from './config-command.js';
import { configLang } from './config.js';
import { loadConfig } from '../io/config-file.js';
import type { Problem } from '../core/problems.js';
import { usage, type UsageKey } from '../i18n/usage.js';
import { guardStandardStreams, holdStderr, type HeldStderr } from '../commands/output-guard.js';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function buildProgram(io: CommandIo, setExit: (code: number) => void, state: RunState = { t: catalogue(langFromEnv(io.env).lang), fromConfig: new Map() }): Command {
  const program = new Command('kam')
    .description('Key-account analysis of a sales ledger: ABC-XYZ matrix, key clients, lost clients')
    .version(VERSION)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's refusals are written by run(): one line in the run's language, like every kam error.
      outputError: () => undefined,
    })
    .exitOverride();

  registerCommands(program, io, VERSION, setExit, state);
  registerConfig(program, io, setExit, state);
  return program;
}

/**
 * Runs kam with argv (without node and script); resolves to the exit status. What the run writes
 * to standard error is held to its end: a fatal error is then the one line there (SPEC §10).
 */
export async function run(argv: string[], io: CommandIo, onHeld?: (held: HeldStderr) => void): Promise<number> {
  const held = holdStderr(io.stderr);
  onHeld?.(held);
  const fatal = await runHeld(argv, { ...io, stderr: held.stream });
  if (fatal.line === undefined) held.release();
  else held.fail(fatal.line);
  return fatal.status;
}

async function runHeld(argv: string[], io: CommandIo): Promise<{ status: number; line?: string }> {
  let fatalLine: string | undefined;
  const status = await runCommand(argv, io, (line) => {
    fatalLine = line;
  });
  return { status, line: fatalLine };
}

async function runCommand(argv: string[], io: CommandIo, fatal: (line: string) => void): Promise<number> {
  let exitCode = 0;
  const state: RunState = { t: catalogue(earlyLang(argv, io)), fromConfig: new Map() };
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
      // Help and version exit 0; a help shown for a missing command has been written already.
      if (error.exitCode !== 0 && error.code !== 'commander.help') io.stderr.write(`kam: ${renderProblem(commanderProblem(error), state.t)}\n`);
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof KamError) {
      fatal(`kam: ${renderProblem(withConfigSource(error.problem, state), state.t)}\n`);
      return isUsageProblem(error.problem) ? 2 : 1;
    }
    // A bug, not bad input: still one line, but say where to look.
    const message = error instanceof Error ? error.message : String(error);
    fatal(`kam: ${state.t.cli.internalError(message)}\n${io.env.KAM_DEBUG ? `${(error as Error)?.stack ?? ''}\n` : ''}`);
    return 1;
  }
}

/**
 * The language until a command has read its options: errors on the way (a bad value, a problem in the
 * config file) speak --lang, else the language the config file asks for, else the locale's.
 */
function earlyLang(argv: readonly string[], io: CommandIo): Lang {
  const valueOf = (flag: string): string | undefined => {
    const at = argv.findLastIndex((a) => a === flag || a.startsWith(`${flag}=`));
    return at < 0 ? undefined : argv[at] === flag ? argv[at + 1] : argv[at]!.slice(flag.length + 1);
  };
  const typed = valueOf('--lang');
  if (typed !== undefined && isLang(typed)) return typed;
  try {
    return configLang(loadConfig(valueOf('--config'), io.cwd ?? process.cwd()), argv[0]) ?? langFromEnv(io.env).lang;
  } catch {
    return langFromEnv(io.env).lang;
  }
}

/** Commander's refusals kam words itself (the usage key is the code without "commander."). */
const COMMANDER: readonly string[] = ['unknownOption', 'unknownCommand', 'missingArgument', 'optionMissingArgument', 'excessArguments'];

/** Commander's refusal as kam's usage problem: its code picks the message, its English names the facts. */
function commanderProblem(error: CommanderError): Problem {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  const key = error.code.replace(/^commander\./, '') as UsageKey;
  if (!COMMANDER.includes(key) || quoted === undefined) return usage('commander', { value: error.message.replace(/^error:\s*/, '').trim() }).problem;
  return usage(key, { flag: quoted, value: quoted, command: quoted, example: /Did you mean (.+?)\?\)/.exec(error.message)?.[1] }).problem;
}

/** A usage problem about a value the config file set: the message says where. */
function withConfigSource(problem: Problem, state: RunState): Problem {
  if (problem.code !== 'bad-option') return problem;
  const flag = problem.details?.flag;
  if (typeof flag !== 'string') return problem;
  const from = state.fromConfig.get(flag);
  return from === undefined ? problem : { ...problem, details: { ...problem.details, configFile: from.file, configKey: from.key } };
}

export async function main(): Promise<void> {
  // `kam … | head` closes the pipe early: that is the reader's choice, not an error; any other
  // failure of standard output is one line and exit 1.
  let held: HeldStderr | undefined;
  const now = new Date();
  const io: CommandIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    today: Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000),
  };
  guardStandardStreams(() => catalogue(earlyLang(process.argv.slice(2), io)), () => held);
  const code = await run(process.argv.slice(2), io, (h) => (held = h));
  process.exitCode = code;
}
