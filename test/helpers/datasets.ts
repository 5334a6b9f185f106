// The real ledgers some tests read (../shared/datasets beside the repository, or the folder in
// KAM_DATASETS). A clone on a user's machine has none: there those tests are skipped, and
// test/helpers/datasets-setup.ts says once how to run them. Under CI (CI=true) a missing dataset
// is a failure, never a skip.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The folder of the real ledgers: KAM_DATASETS, or ../shared/datasets beside the repository. */
export const DATASETS: string = resolve(process.env.KAM_DATASETS ?? join(ROOT, '..', 'shared', 'datasets'));

/** True under CI, where a missing dataset must fail the run rather than skip its tests. */
export const IN_CI: boolean = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/** The line said once when datasets are missing. */
export const HOW_TO_RUN = `kam: datasets not found at ${DATASETS}: the tests on real ledgers are skipped; put the datasets at ../shared/datasets beside the repository, or set KAM_DATASETS=/path/to/datasets, to run them`;

/** The path of dataset `name` (a file in the datasets folder). */
export function datasetPath(name: string): string {
  return join(DATASETS, name);
}

/**
 * Whether tests on dataset `name` should be skipped: when it is missing, except under CI, where
 * they run (and fail on the missing file). Use as `describe.skipIf(skipWithout('x.csv'))`.
 */
export function skipWithout(...names: string[]): boolean {
  return !IN_CI && !names.every((name) => existsSync(datasetPath(name)));
}
