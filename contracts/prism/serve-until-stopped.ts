import type { PrismServer } from './start-prism.ts';

/** Keeps a Prism server up until Ctrl-C or SIGTERM, then stops it (and only it) and exits. */
export function serveUntilStopped(server: PrismServer, onStop: () => void = () => {}): void {
  const stop = () => {
    onStop();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
