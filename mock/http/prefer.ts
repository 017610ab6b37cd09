/**
 * The `Prefer` request header as Prism reads it (docs/reference.md §3): decoded once, checked, and
 * turned into a typed value. `code=N` asks for a documented status, `delay=MS` for latency,
 * `fault=KIND` for a network fault (faults/fault-kinds.ts). RFC 7240 lets a server ignore preferences it does not know; a mock that silently
 * ignored a typo would hide a broken test, so an unknown or malformed preference is a 400.
 */
import { errors } from '../core/errors.ts';
import { isNetworkFault, NETWORK_FAULTS, type NetworkFault } from './faults/fault-kinds.ts';

export const MAX_DELAY_MS = 10_000;

export interface Preferences {
  code?: number;
  delayMs?: number;
  fault?: NetworkFault;
}

/**
 * @example parsePrefer('code=429, delay=100', new Set(['200', '429'])) // { code: 429, delayMs: 100 }
 */
export function parsePrefer(header: string | undefined, documented: ReadonlySet<string>): Preferences {
  const preferences: Preferences = {};
  if (header === undefined || header.trim() === '') return preferences;
  // Empty list elements (`code=500,`) are allowed by RFC 9110 §5.6.1's list syntax.
  for (const part of header.split(',').filter((item) => item.trim() !== '')) {
    const [rawName = '', ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (name === 'code') preferences.code = parseCode(value, documented);
    else if (name === 'delay') preferences.delayMs = parseDelay(value);
    else if (name === 'fault') preferences.fault = parseFault(value);
    else throw errors.validation(`Prefer: "${part.trim()}" is not a known preference; use code=STATUS, delay=MS or fault=KIND.`);
  }
  return preferences;
}

function parseCode(value: string, documented: ReadonlySet<string>): number {
  if (!/^\d{3}$/.test(value)) throw errors.validation(`Prefer: code must be a three-digit status, not "${value}".`);
  if (!documented.has(value)) {
    throw errors.validation(
      `Prefer: code=${value} is not documented for this operation; documented: ${[...documented].join(', ')}.`,
    );
  }
  return Number(value);
}

function parseDelay(value: string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms > MAX_DELAY_MS) {
    throw errors.validation(`Prefer: delay must be whole milliseconds from 0 to ${MAX_DELAY_MS}, not "${value}".`);
  }
  return ms;
}

function parseFault(value: string): NetworkFault {
  const fault = value.toLowerCase();
  if (!isNetworkFault(fault)) throw errors.validation(`Prefer: fault must be one of ${NETWORK_FAULTS.join(', ')}, not "${value}".`);
  return fault;
}
