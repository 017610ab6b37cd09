/**
 * `--workers N` (docs/decisions/037): N processes of this machine serve one port, with Node's
 * cluster module. The primary only forks and watches: each worker is a whole mock, with its
 * state in Redis (a start error without `--redis`, config/redis-flags.ts), and the port shared by
 * the primary, which hands each new connection to the next worker in turn. A worker that dies is
 * replaced; SIGINT or SIGTERM stops them all.
 */
import cluster from 'node:cluster';

/** A worker that fails at start would be replaced forever: after this many deaths the primary gives up. */
const MAX_REPLACEMENTS = 10;

export function runWorkers(count: number): void {
  let stopping = false;
  let replaced = 0;
  let listening = 0;
  for (let i = 0; i < count; i++) cluster.fork();
  // Each worker starts on its own (its banner comes from the first); say when all of them serve.
  cluster.on('listening', (_worker, address) => {
    if (++listening === count) console.log(`${count} workers serving port ${address.port}`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A start error (a Redis that cannot be reached): every worker would meet it; the worker said why.
    if (listening === 0 && code === 2) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exit(2);
    }
    if (++replaced > MAX_REPLACEMENTS) {
      console.error(`error: ${replaced} workers died; stopping (the last one: pid ${worker.process.pid}, ${signal ?? `exit code ${code}`})`);
      process.exit(code === 2 ? 2 : 1);
    }
    console.error(`worker pid ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    console.log(`\n${signal}: closing ${count} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
