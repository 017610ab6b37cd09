/**
 * `npm run fuzz` flags → options. Every flag has a description and a default.
 */
import { parseArgs } from 'node:util';
import type { FuzzOptions } from './run-fuzz.ts';

export const USAGE = `npm run fuzz -- --base-url URL [options]

  --base-url URL        the server to fuzz; requests go to this origin only (required)
  --count N             cases to generate and check, shared among the families (default 500)
  --seed S              seed of every generator; the summary prints it (default: from the clock)
  --time-limit SECONDS  the run stops by itself after this long (default 300)
  --request-timeout S   seconds one request may take before it counts as unanswered (default 10)
  --client-id ID        client of the client credentials grant (default demo-client)
  --client-secret S     its secret (default demo-secret)
  --token-url URL       token endpoint (default BASE/user/oauth/token)
  --client-token T      use this client token instead of asking the token URL
  --user-token T        user token (default: from POST BASE/__admin/tokens, when the target has it)
  --allow-writes        send valid updates to a target that is not the mock (they are undone at the end)
  --max-rps N           at most N requests a second (default: no pacing beyond honouring 429)
  --only A,B            only families whose id contains A or B (e.g. searchCustomers,/auth)
  --replay ID:SEED:PATH replay one reported failure (the summary prints the command)
  --report FILE         also write the report as JSON
  --help                this text`;

export interface CliOptions extends FuzzOptions {
  report?: string;
  help: boolean;
}

export function parseFuzzArgs(argv: string[], now = Date.now()): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'base-url': { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' },
      'request-timeout': { type: 'string' },
      'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, 'token-url': { type: 'string' },
      'client-token': { type: 'string' }, 'user-token': { type: 'string' }, 'allow-writes': { type: 'boolean' },
      'max-rps': { type: 'string' }, only: { type: 'string' }, replay: { type: 'string' }, report: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { baseUrl: '', count: 0, seed: 0, help: true };
  if (!values['base-url']) throw new Error('--base-url is required');
  const baseUrl = new URL(values['base-url']).toString().replace(/\/$/, '');
  return {
    help: false,
    baseUrl,
    count: whole(values.count ?? '500', '--count', 1),
    seed: values.seed === undefined ? now % 2_147_483_647 : whole(values.seed, '--seed', -2_147_483_648),
    timeLimitMs: whole(values['time-limit'] ?? '300', '--time-limit', 1) * 1000,
    requestTimeoutMs: whole(values['request-timeout'] ?? '10', '--request-timeout', 1) * 1000,
    clientId: values['client-id'] ?? 'demo-client',
    clientSecret: values['client-secret'] ?? 'demo-secret',
    ...(values['token-url'] ? { tokenUrl: values['token-url'] } : {}),
    ...(values['client-token'] ? { clientToken: values['client-token'] } : {}),
    ...(values['user-token'] ? { userToken: values['user-token'] } : {}),
    ...(values['allow-writes'] ? { allowWrites: true } : {}),
    ...(values['max-rps'] ? { maxRps: whole(values['max-rps'], '--max-rps', 1) } : {}),
    ...(values.only ? { only: values.only.split(',').filter(Boolean) } : {}),
    ...(values.replay ? { replay: values.replay } : {}),
    ...(values.report ? { report: values.report } : {}),
  };
}

function whole(raw: string, flag: string, min: number): number {
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > 2_147_483_647) throw new Error(`${flag} takes a whole number from ${min}, not "${raw}"`);
  return n;
}
