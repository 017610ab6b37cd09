/**
 * `POST /__admin/customers/generate` with `{"count": N, "seed"?: S, "template"?: record part,
 * "save"?: bool}`: N seeded Norwegian customers with the template laid over each
 * (fixtures/template-customers.ts), numbered after the highest customer in the store. Answers
 * `{"customers": [...]}`; stores them only when `save` is true. The same seed, template and store
 * give the same customers.
 */
import { FixtureError, isPlainObject, MAX_TEMPLATE_CUSTOMERS, templateCustomers } from '../../../fixtures/index.ts';
import type { CustomerRecord } from '../../../spec/index.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import { errors } from '../../core/errors.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { sendJson } from '../send-json.ts';

const SHAPE = 'send {"count": N, "seed"?: S, "template"?: {…part of a CustomerRecord}, "save"?: true|false}';
const KNOWN = new Set(['count', 'seed', 'template', 'save']);

interface GenerateRequest {
  count: number;
  seed: number | undefined;
  template: Record<string, unknown> | undefined;
  save: boolean;
}

export const generateCustomersRoute: Step = async (req, res) => {
  const { store, commit } = req.context!;
  const request = generateRequest(req.body);
  const firstNumber = highestNumber(store) + 1;
  let records: CustomerRecord[];
  try {
    records = templateCustomers({
      // Without a seed, the first new number seeds: the same store gives the same customers.
      seed: request.seed ?? firstNumber % 0x100000000,
      count: request.count,
      template: request.template,
      // A number the template gives (count 1) is the customer's, in its e-mails too.
      firstNumber: typeof request.template?.customerNumber === 'number' ? request.template.customerNumber : firstNumber,
      taken: (credential) => store.findUserByCredential(credential) !== undefined,
    });
  } catch (error) {
    if (error instanceof FixtureError) throw errors.validation(error.message);
    throw error;
  }
  if (request.save) await commit({ kind: 'upsert', records });
  sendJson(res, 200, { customers: records });
};

function highestNumber(store: CustomerStore): number {
  return store.size === 0 ? 0 : (store.list(store.size - 1, 1)[0]?.customerNumber ?? 0);
}

function generateRequest(body: unknown): GenerateRequest {
  if (!isPlainObject(body)) throw errors.validation(`body: must be an object; ${SHAPE}.`);
  const unknown = Object.keys(body).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) throw errors.validation(`${unknown}: is not a known field; ${SHAPE}.`);
  const { count, seed, template, save } = body;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_TEMPLATE_CUSTOMERS) {
    throw errors.validation(`count: must be a whole number from 1 to ${MAX_TEMPLATE_CUSTOMERS}.`);
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw errors.validation(`seed: must be a whole number from 0 to ${0xffffffff}.`);
  }
  if (template !== undefined && !isPlainObject(template)) throw errors.validation('template: must be an object, a part of a CustomerRecord.');
  if (save !== undefined && typeof save !== 'boolean') throw errors.validation('save: must be true or false.');
  return { count, seed, template, save: save === true };
}
