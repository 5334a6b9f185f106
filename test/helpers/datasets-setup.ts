// vitest globalSetup: one line, once per run, when the real datasets are missing (see
// test/helpers/datasets.ts); under CI a missing dataset folder ends the run as a failure.
import { existsSync } from 'node:fs';
import { DATASETS, HOW_TO_RUN, IN_CI } from './datasets.js';

export default function setup(): void {
  if (existsSync(DATASETS)) return;
  if (IN_CI) throw new Error(`kam: datasets not found at ${DATASETS}: CI runs every test on the real ledgers (set KAM_DATASETS to their folder)`);
  console.log(HOW_TO_RUN);
}
