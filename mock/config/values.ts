/**
 * The config's error and the readers of flag values that more than one flag table uses
 * (config.ts and the modules of mock/config/): their own module, which imports nothing of the config.
 */

/** A flag or variable that cannot be used; the CLI prints it and exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function integer(raw: string, source: string, min: number, max: number): number {
  const value = Number(raw.trim());
  if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${source} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

export function nonEmpty(raw: string, source: string): string {
  if (raw.trim() === '') throw new ConfigError(`${source} must not be empty.`);
  return raw;
}
