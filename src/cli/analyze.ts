// `kam analyze` wiring.
import type { Command } from 'commander';
import { runAnalyze } from '../commands/analyze.js';
import type { CommandIo } from '../commands/context.js';
import { REPORTER_NAMES } from '../report/reporters.js';
import { workbookPath } from '../report/workbook/path.js';
import { analysisSettings, readOptions, reporterName, type RawAnalysisOptions, type RawReadOptions } from './options.js';
import { addCommonOptions, outputPath, resolveOptions, type RunState } from './settings.js';
import { addFailOnOption, addLedgerOptions, addSegmentOptions, addWindowOptions, compareOption, failOnOption, inputFiles, topOption } from './shared-options.js';

type AnalyzeCliOptions = RawReadOptions & RawAnalysisOptions & { format?: string; output?: string; top?: string; color: boolean; failOn?: string; clients?: string; compare?: string };

export function registerAnalyze(program: Command, io: CommandIo, version: string, setExit: (code: number) => void, state: RunState): void {
  const analyze = program
    .command('analyze')
    .description('ABC-XYZ analysis of a ledger: summary, matrix and top clients, or the per-client table')
    .argument('[files...]', 'CSV, .csv.gz or .xlsx ledgers; - or a pipe for standard input');
  addLedgerOptions(analyze);
  addWindowOptions(analyze);
  addFailOnOption(analyze);
  addSegmentOptions(analyze);
  analyze
    .option('--format <format>', `output: ${REPORTER_NAMES.join(', ')} (default: table on a terminal, csv otherwise)`)
    .option('-o, --output <file.xlsx>', 'also write the annotated Excel workbook (written whole or not at all)')
    .option('--top <n>', 'clients shown in the terminal table (default: 20)')
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)');
  addCommonOptions(analyze);
  analyze.action(async (files: string[], _options: unknown, command: Command) => {
      const { options, t } = resolveOptions<AnalyzeCliOptions>(command, 'analyze', io, state);
      const inputs = inputFiles(files, io);
      const read = readOptions(options);
      const settings = analysisSettings(options, io.today);
      setExit(
        await runAnalyze(
          {
            files: inputs,
            read,
            settings,
            format: reporterName(options.format, io.stdout.isTTY === true),
            // -o alone: the workbook is the output; a terminal still shows the summary. {date}: the as-of date or today.
            output: workbookPath(outputPath(options.output, settings.asOf, io.today)),
            printReport: options.output === undefined || options.format !== undefined || io.stdout.isTTY === true,
            top: topOption(options.top, 20),
            color: options.color,
            failOn: failOnOption(options.failOn),
            segments: { clients: options.clients, compare: compareOption(options.compare, io.today) },
            version,
            t,
          },
          io,
        ),
      );
    });
}
