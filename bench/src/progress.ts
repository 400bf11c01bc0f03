import cliProgress from 'cli-progress';

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

/** A cli-progress bar on stderr when it is a terminal; otherwise one log line at the start and end. */
export function progressBar(log: (line: string) => void, label: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    const started = performance.now();
    log(`${label}: ${total.toLocaleString('en-US')}…`);
    return {
      increment: () => undefined,
      stop: () => log(`${label}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`),
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted} left`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { increment: (by = 1) => bar.increment(by), stop: () => bar.stop() };
}
