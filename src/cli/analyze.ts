// `kam analyze` wiring.
import type { Command } from 'commander';
import { runAnalyze } from '../commands/analyze.js';
import type { CommandIo } from '../commands/context.js';
import { REPORTER_NAMES } from '../report/reporters.js';
import { workbookPath } from '../report/workbook/path.js';
import { analysisSettings, readOptions, reporterName, type RawAnalysisOptions, type RawReadOptions } from './options.js';
import { addFailOnOption, addLedgerOptions, addSegmentOptions, addWindowOptions, compareOption, failOnOption, inputFiles, topOption } from './shared-options.js';

type AnalyzeCliOptions = RawReadOptions & RawAnalysisOptions & { format?: string; output?: string; top?: string; color: boolean; failOn?: string; clients?: string; compare?: string };

export function registerAnalyze(program: Command, io: CommandIo, version: string, setExit: (code: number) => void): void {
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
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)')
    .action(async (files: string[], options: AnalyzeCliOptions) => {
      setExit(
        await runAnalyze(
          {
            files: inputFiles(files, io),
            read: readOptions(options),
            settings: analysisSettings(options, io.today),
            format: reporterName(options.format, io.stdout.isTTY === true),
            // -o alone: the workbook is the output; a terminal still shows the summary.
            output: workbookPath(options.output),
            printReport: options.output === undefined || options.format !== undefined || io.stdout.isTTY === true,
            top: topOption(options.top, 20),
            color: options.color,
            failOn: failOnOption(options.failOn),
            segments: { clients: options.clients, compare: compareOption(options.compare, io.today) },
            version,
          },
          io,
        ),
      );
    });
}
