/**
 * Progress on standard error (standard output is left for the report): one line per step with
 * the time since the start, readable in a terminal and in a CI log alike.
 */
export interface Progress {
  step(message: string): void;
}

export function stderrProgress(stream: NodeJS.WritableStream = process.stderr): Progress {
  const started = performance.now();
  return {
    step(message) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
      stream.write(`[bench ${seconds} s] ${message}\n`);
    },
  };
}

export const silentProgress: Progress = { step: () => {} };
