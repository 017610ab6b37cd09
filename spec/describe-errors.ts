import type { ErrorObject } from 'ajv';

/**
 * Turns ajv's errors into one sentence that names each field and the rule it broke, e.g.
 * `name.lastName: must NOT have more than 30 characters; foo: is not a known field`.
 * `root` names the whole value (`body`, `path`), for errors about the value itself.
 */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, root = 'body'): string {
  if (!errors || errors.length === 0) return `${root}: is invalid`;
  const lines = new Set<string>();
  for (const error of errors) {
    // `nullable` and `oneOf` failures repeat what the branch errors already said.
    if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    lines.add(describeOne(error, root));
  }
  return [...lines].join('; ');
}

function describeOne(error: ErrorObject, root: string): string {
  const at = fieldName(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${join(at, String(params.additionalProperty), root)}: is not a known field`;
    case 'required':
      return `${join(at, String(params.missingProperty), root)}: is required`;
    case 'pattern':
      return at.endsWith('phoneNumber')
        ? `${at}: must be an E.164 phone number such as +4712345678`
        : `${at}: must match the pattern ${String(params.pattern)}`;
    case 'format':
      return `${at}: must be a valid ${String(params.format)}`;
    default:
      return `${at}: ${error.message ?? 'is invalid'}`;
  }
}

/** `/name/lastName` → `name.lastName`; `/phoneNumbers/0/phoneNumber` → `phoneNumbers[0].phoneNumber`. */
function fieldName(instancePath: string, root: string): string {
  if (!instancePath) return root;
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function join(at: string, field: string, root: string): string {
  return at === root ? field : `${at}.${field}`;
}
