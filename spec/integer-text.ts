/**
 * Path numbers are numbers (issue 16). ajv's `coerceTypes` reads a path segment as JavaScript's
 * `Number()` does: `0x89ac1` is hex, `+563457`, `00563457` and `563457.0` are the sample customer,
 * and `1e400` is Infinity. An integer parameter must be written as one instead: decimal digits,
 * no sign but `-`, no leading zero, no point, exponent or space, and within the integers a
 * JavaScript number holds exactly (the spec's int64 reaches further, but the mock cannot).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';

const DECIMAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

/** True when `text` is an integer written the one canonical way, and a safe JavaScript integer. */
export function isIntegerText(text: string): boolean {
  return DECIMAL_INTEGER.test(text) && Number.isSafeInteger(Number(text));
}

/**
 * `validate` (which coerces in place) behind a check that each of `names`, when a string, is
 * integer text; its errors are ajv's shape, so `describeAjvErrors` names the field.
 */
export function withIntegerText(validate: ValidateFunction, names: readonly string[]): ValidateFunction {
  const checked = ((data: Record<string, unknown>) => {
    const wrong = names.find((name) => typeof data[name] === 'string' && !isIntegerText(data[name] as string));
    if (wrong !== undefined) {
      checked.errors = [integerTextError(wrong)];
      return false;
    }
    const valid = validate(data);
    checked.errors = validate.errors;
    return valid;
  }) as ValidateFunction;
  return Object.assign(checked, { schema: validate.schema, schemaEnv: validate.schemaEnv });
}

function integerTextError(name: string): ErrorObject {
  return {
    instancePath: `/${name}`,
    schemaPath: '#/integerText',
    keyword: 'integerText',
    params: {},
    message: `must be a whole number in plain decimal digits up to ${Number.MAX_SAFE_INTEGER} (no sign, leading zero, point, exponent or space)`,
  };
}
