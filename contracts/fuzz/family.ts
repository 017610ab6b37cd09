/**
 * A family is one kind of request against one operation (valid bodies, schema-invalid bodies,
 * broken JSON, bad tokens, …): one fast-check property, seeded and shrunk on its own, so a
 * failure replays with its family id, seed and path.
 */
import type fc from 'fast-check';
import type { OpenApiDocument, OperationValidators } from '../../spec/index.ts';
import type { Credentials, FuzzCase } from './fuzz-case.ts';

export type FamilyName =
  | 'valid' | 'schema-invalid' | 'malformed-json' | 'content-type' | 'oversize' | 'bad-bytes'
  | 'path-params' | 'auth' | 'prefer';

export interface Family {
  /** `operationId/name`, e.g. `searchCustomers/schema-invalid`. */
  id: string;
  operationId: string;
  name: FamilyName;
  /** Share of the run's request budget. */
  weight: number;
  /** A cap on runs, for families that are costly on the wire (oversize bodies). */
  maxRuns?: number;
  arbitrary: fc.Arbitrary<FuzzCase>;
}

export interface SkippedFamily {
  id: string;
  reason: string;
}

/** What the family builders need to know about the run. */
export interface FamilyContext {
  doc: OpenApiDocument;
  validators: OperationValidators;
  credentials: Credentials;
  /** Whether valid updates may be sent (the mock, or `--allow-writes`). */
  allowWrites: boolean;
  /** Whether the target honours `Prefer: code=` (the mock and Prism do; a real server does not). */
  honoursPrefer: boolean;
}

export const familyId = (operationId: string, name: FamilyName): string => `${operationId}/${name}`;
