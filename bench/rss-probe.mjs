// Preloaded by bench/run.mjs (node --import): records the process's peak memory (KB) and its CPU
// time (user + system, seconds) on exit.
import { writeFileSync } from 'node:fs';

const target = process.env.KAM_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}`);
  });
}
