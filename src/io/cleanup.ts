// Temporary files that must not outlive the run: removed on an interrupt or at exit too.

/** Signals whose default action ends the process: each runs the clean-up first. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Runs `cleanUp` if the process is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT) or exits before the returned
 * `detach` is called; an interrupt then ends the process as interrupted, as it would have.
 */
export function cleanUpOnExit(cleanUp: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanUp();
    detach();
    process.kill(process.pid, signal); // default handling now: the process ends as interrupted
  };
  const detach = (): void => {
    for (const signal of ENDING_SIGNALS) process.removeListener(signal, onSignal);
    process.removeListener('exit', cleanUp);
  };
  for (const signal of ENDING_SIGNALS) process.once(signal, onSignal);
  process.once('exit', cleanUp);
  return detach;
}
