/**
 * The admin API's and OAuth routes' spec (`spec/admin-api.yaml`) as `/openapi-admin.yaml` and
 * `/openapi-admin.json` serve it: one self-contained document (its references into
 * `customer-api.yaml` point at copies of that spec's schemas), with this mock as its first server,
 * so that Redoc and any other tool read it without a second file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadSpec, SPEC_PATH } from '../../../spec/index.ts';

/** Beside the Customer API's spec, in the checkout and in the package's dist/spec alike. */
const ADMIN_SPEC_PATH = join(dirname(SPEC_PATH), 'admin-api.yaml');
const EXTERNAL = './customer-api.yaml#/components/schemas/';

let bundled: Record<string, unknown> | undefined;

function bundle(): Record<string, unknown> {
  const text = readFileSync(ADMIN_SPEC_PATH, 'utf8').replaceAll(`'${EXTERNAL}`, "'#/components/schemas/");
  const admin = parse(text) as { components: { schemas: Record<string, unknown> } };
  const customer = loadSpec() as unknown as { components: { schemas: Record<string, unknown> } };
  admin.components.schemas = { ...customer.components.schemas, ...admin.components.schemas };
  return admin as unknown as Record<string, unknown>;
}

export function adminSpecFor(baseUrl: string): Record<string, unknown> {
  bundled ??= bundle();
  return { ...bundled, servers: [{ url: baseUrl, description: 'This mock' }] };
}

export function adminSpecYaml(baseUrl: string): string {
  return stringify(adminSpecFor(baseUrl), { lineWidth: 0 });
}

export function adminSpecJson(baseUrl: string): string {
  return JSON.stringify(adminSpecFor(baseUrl), null, 2);
}
