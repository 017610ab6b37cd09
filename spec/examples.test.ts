import { describe, expect, it } from 'vitest';
import { createSpecAjv, specPointer } from './ajv.ts';
import { describeAjvErrors } from './describe-errors.ts';
import { loadSpec } from './load-spec.ts';
import { listOperations } from './operations.ts';
import { findExamples } from './find-examples.ts';

// Every example the spec carries must be valid against the schema it illustrates: integrators copy
// them, and Dredd sends request examples as they are.
const doc = loadSpec();
const ajv = createSpecAjv(doc);
const examples = findExamples(doc);

describe('spec examples', () => {
  it('has an example for every request body and every JSON response', () => {
    const missing: string[] = [];
    for (const op of listOperations(doc)) {
      const body = op.requestBody;
      if (body && body.example === undefined) missing.push(`${op.operationId} request`);
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response.content?.['application/json'];
        if (media && media.example === undefined && media.examples === undefined) {
          missing.push(`${op.operationId} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s is valid against its schema', (_where, example) => {
    const validate = ajv.getSchema(specPointer(...example.schemaPath));
    expect(validate, `no schema at ${example.schemaPath.join('/')}`).toBeDefined();
    const ok = validate!(example.value);
    expect(ok, describeAjvErrors(validate!.errors, 'example')).toBe(true);
  });
});
