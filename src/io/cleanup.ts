// Temporary files that must not outlive the run: removed on an interrupt or at exit too.

/**
 * Runs `cleanUp` if the process is interrupted (SIGINT, SIGTERM) or exits before the returned
 * `detach` is called; an interrupt then ends the process as interrupted, as it would have.
 */
export function cleanUpOnExit(cleanUp: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanUp();
    detach();
    process.kill(process.pid, signal); // default handling now: the process ends as interrupted
  };
  const detach = (): void => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', cleanUp);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', cleanUp);
  return detach;
}
