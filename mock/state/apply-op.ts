/**
 * How an op changes the state it names: the one place that maps the seam's vocabulary (ops.ts) to
 * the store, the token store and the session registry. Every side applies ops here, so the same
 * op gives the same state and the same answer on every process; an op that is refused (a
 * credential of another customer, a session id in use) throws the same error everywhere and
 * changes nothing.
 */
import type { CustomerRecord } from '../../spec/index.ts';
import { errors } from '../core/errors.ts';
import { updatedRecord } from '../core/update.ts';
import { sessionErrors } from '../http/sessions/session-errors.ts';
import type { MockContext } from '../http/pipeline/context.ts';
import type { SessionRegistry } from '../http/sessions/session-registry.ts';
import type { DataSource, OpResult, StateOp } from './ops.ts';

/** Where ops land: the root's context (`''`) and the sessions' contexts, by id. */
export interface StateWorld {
  root: MockContext;
  sessions: SessionRegistry;
  /** The records of a data source: the start data, generated ones, or checked ones as given. */
  records(data: DataSource): Iterable<CustomerRecord> | Promise<Iterable<CustomerRecord>>;
}

export function contextOf(world: StateWorld, ctx: string): MockContext {
  if (ctx === '') return world.root;
  const context = world.sessions.get(ctx);
  if (!context) throw sessionErrors.notFound(ctx);
  return context;
}

export function applyOp<O extends StateOp>(world: StateWorld, ctx: string, op: O): OpResult<O> | Promise<OpResult<O>> {
  return apply(world, ctx, op) as OpResult<O> | Promise<OpResult<O>>;
}

function apply(world: StateWorld, ctx: string, op: StateOp): unknown {
  switch (op.kind) {
    case 'sessionCreate':
      return world.sessions.create(op.id, () => world.records(op.data)).then((context) => context.basePath.slice(context.basePath.lastIndexOf('/') + 1));
    case 'sessionEnd':
      return world.sessions.delete(op.id);
    default:
      return applyInContext(world, contextOf(world, ctx), op);
  }
}

function applyInContext(world: StateWorld, { store, tokens }: MockContext, op: StateOp): unknown {
  switch (op.kind) {
    case 'upsert':
      return store.upsert(op.records);
    case 'update': {
      const customerNumber = store.customerNumberOfUser(op.uniqueId);
      if (customerNumber === undefined) throw errors.userHasNoCustomer(op.uniqueId);
      // The store keeps the new record as it is (CustomerStore `adopt`): nothing else holds it.
      return store.adopt(updatedRecord(store.peek(customerNumber)!, op.body));
    }
    case 'delete':
      return store.delete(op.customerNumber);
    case 'reset': {
      const records = world.records(op.data);
      return records instanceof Promise ? records.then((all) => store.replaceAll(all)) : store.replaceAll(records);
    }
    case 'issue':
      return tokens.issue(op.grant, { access: op.access, refresh: op.refresh });
    case 'code':
      return tokens.issueCode(op.code, op.value, op.family);
    case 'takeCode':
      return tokens.takeCode(op.code);
    case 'takeRefresh': {
      const grant = tokens.takeRefreshToken(op.token);
      if (!grant) return undefined;
      if (grant.clientId !== op.clientId) return 'other-client';
      tokens.revokeRefreshToken(op.token);
      return grant;
    }
    default:
      throw new Error(`op ${op.kind} has no context`);
  }
}
