/**
 * The value reader of `--fault-kind KIND` (repeatable; `MOCK_FAULT_KINDS` comma-separated; the
 * flag itself is in mock/config.ts's table): what a request that `--fault-rate` picks gets, at
 * random among the kinds given (docs/decisions/043). Without it, a 500.
 */
import type { MockConfig } from '../config.ts';
import { FAULT_KINDS, type FaultKind } from '../http/faults/fault-kinds.ts';
import { ConfigError } from './values.ts';

/** A kind given twice counts once (the draw is among kinds, not among flags). */
export function addFaultKind(config: MockConfig, raw: string, source: string): void {
  const kind = raw.trim().toLowerCase();
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new ConfigError(`${source} must be one of ${FAULT_KINDS.join(', ')}, not "${raw}".`);
  }
  if (!config.faultKinds.includes(kind as FaultKind)) config.faultKinds = [...config.faultKinds, kind as FaultKind];
}
