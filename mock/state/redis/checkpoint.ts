/**
 * A checkpoint of the shared state, so that the change log need not grow for ever
 * (docs/decisions/037): every `CHECKPOINT_EVERY` ops, the process that wrote the op at that number
 * writes the whole state as it is after that op (the root's and each session's customers and
 * tokens, and the session counter), then trims the log up to it. A process that starts, or finds
 * the log trimmed past what it applied, loads the checkpoint and follows the log from there.
 * Not taken for more than `CHECKPOINT_MAX_CUSTOMERS` customers: the log then keeps growing.
 */
import type { CustomerRecord } from '../../../spec/index.ts';
import type { MockContext } from '../../http/pipeline/context.ts';
import type { TokenDump } from '../../http/oauth/token-store.ts';
import type { StateWorld } from '../apply-op.ts';

export const CHECKPOINT_EVERY = 5000;
export const CHECKPOINT_MAX_CUSTOMERS = 200_000;

interface ContextDump {
  customers: string[];
  tokens: TokenDump;
}

export interface Checkpoint {
  /** The number of the last op the checkpoint holds. */
  n: number;
  root: ContextDump;
  sessions: Array<ContextDump & { id: string }>;
  made: number;
}

/** The state after op `n`, or undefined when it is too large to write as one value. */
export function takeCheckpoint(world: StateWorld, n: number): Checkpoint | undefined {
  const sessions = world.sessions.list();
  const customers = sessions.reduce((sum, { context }) => sum + context.store.size, world.root.store.size);
  if (customers > CHECKPOINT_MAX_CUSTOMERS) return undefined;
  return {
    n,
    root: dumpContext(world.root),
    sessions: sessions.map(({ id, context }) => ({ id, ...dumpContext(context) })),
    made: world.sessions.made,
  };
}

export async function loadCheckpoint(world: StateWorld, checkpoint: Checkpoint): Promise<void> {
  world.sessions.endAll();
  loadContext(world.root, checkpoint.root);
  for (const session of checkpoint.sessions) {
    const context = await world.sessions.create(session.id, () => records(session.customers));
    context.tokens.load(session.tokens);
  }
  world.sessions.made = checkpoint.made;
}

function dumpContext(context: MockContext): ContextDump {
  return { customers: [...context.store.allJson()], tokens: context.tokens.dump() };
}

function loadContext(context: MockContext, dump: ContextDump): void {
  context.store.replaceAll(records(dump.customers));
  context.tokens.load(dump.tokens);
}

function records(texts: readonly string[]): CustomerRecord[] {
  return texts.map((text) => JSON.parse(text) as CustomerRecord);
}
