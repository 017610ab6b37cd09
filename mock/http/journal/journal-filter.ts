/**
 * Which journal entries a query selects: every given field must hold (AND). `body` is a deep
 * partial match (contains-json.ts), the "did my code send this" check of a test.
 */
import { containsJson } from './contains-json.ts';
import type { JournalEntry } from './journal-entry.ts';

export interface JournalFilter {
  operationId?: string;
  /** Compared without regard to case. */
  method?: string;
  /** The path as sent, less any session prefix; whole value. */
  path?: string;
  status?: number;
  clientId?: string;
  /** The network fault the request got (`reset`, `truncated`, …). */
  fault?: string;
  /** An entry id: only newer entries match. */
  since?: number;
  /** An object the request's JSON body must contain, deeply. */
  body?: Record<string, unknown>;
}

export function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.since !== undefined && entry.id <= filter.since) return false;
  if (filter.operationId !== undefined && entry.operationId !== filter.operationId) return false;
  if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.path !== undefined && entry.path !== filter.path) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.clientId !== undefined && entry.clientId !== filter.clientId) return false;
  if (filter.fault !== undefined && entry.fault !== filter.fault) return false;
  if (filter.body !== undefined && (entry.bodyTruncated || !containsJson(entry.body, filter.body))) return false;
  return true;
}
