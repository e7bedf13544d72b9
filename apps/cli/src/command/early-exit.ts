/**
 * Until the returned function is called, a process that ends with code 0 says why and exits 1 instead: code it
 * runs on behalf of a user (a strategy file) may call `process.exit(0)`, or await something that never settles
 * and leave the event loop empty, and either would otherwise end the command silently, as if it had succeeded.
 */
export function refuseEarlyExit(what: string): () => void {
  const onExit = (code: number) => {
    if (code !== 0) return;
    process.stderr.write(
      `error: ${what} ended before it finished: code it ran (a strategy file?) called process.exit, or waited on something that never came\n`,
    );
    process.exitCode = 1;
  };
  process.on('exit', onExit);
  return () => process.off('exit', onExit);
}

/**
 * Until the returned function is called, `console.log`, `info` and `debug` write to standard error: standard
 * output holds the command's result (JSON a script parses), and code run on a user's behalf (a strategy file
 * that logs) must not mix into it. The command's own output is written with `this.log`, not the console.
 */
export function consoleToStandardError(): () => void {
  const { log, info, debug } = console;
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  return () => Object.assign(console, { log, info, debug });
}
