/**
 * The spec as `/openapi.yaml` and `/openapi.json` serve it: the canonical document with the mock's
 * own base URL as the first `servers` entry, so the reference page, and any tool that reads the
 * URL, send their calls to this mock. The base URL comes from the request's `Host`: the mock may
 * listen on a port chosen at start (`--port 0`) or sit behind a name.
 */
import { stringify } from 'yaml';
import { loadSpec } from '../../../spec/index.ts';

interface ServerEntry {
  url: string;
  description?: string;
}

/** A Host header made of what a host and port can hold; anything else is not echoed into the spec. */
const PLAIN_HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

/** The mock's base URL as this request reached it (no trailing slash). */
export function baseUrlOf(host: string | undefined, fallbackHost: string, basePath: string): string {
  return `http://${host && PLAIN_HOST.test(host) ? host : fallbackHost}${basePath}`;
}

/**
 * A copy of the spec whose first server is `baseUrl`. The spec's own entry for the local mock
 * (`http://127.0.0.1:4010`) is dropped: it names the default port, which this mock may not use.
 */
export function specFor(baseUrl: string): Record<string, unknown> {
  const spec = loadSpec() as unknown as Record<string, unknown>;
  const servers = ((spec.servers ?? []) as ServerEntry[]).filter((server) => !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(server.url));
  return { ...spec, servers: [{ url: baseUrl, description: 'This mock' }, ...servers] };
}

export function specYaml(baseUrl: string): string {
  return stringify(specFor(baseUrl), { lineWidth: 0 });
}

export function specJson(baseUrl: string): string {
  return JSON.stringify(specFor(baseUrl), null, 2);
}
