// Preloaded by bench/run.mjs (node --import): records the process's peak memory on exit.
import { writeFileSync } from 'node:fs';

const target = process.env.KAM_BENCH_RSS;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
