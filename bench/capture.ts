/**
 * Tokens from our mock, and the answers our mock gives to each benchmarked request, captured so
 * that the bare server (bench/bare-server.ts) answers exactly the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { DEMO_CLIENT } from '../mock/config.ts';
import { SAMPLE_UNIQUE_ID } from '../fixtures/scenario-sample.ts';
import type { CapturedAnswer } from './answers.ts';
import { requestHeaders, type Scenario, type Tokens } from './scenarios.ts';

/**
 * A client token by the client credentials grant (HTTP Basic, as docs/reference.md §4 allows) and a
 * user token for the sample customer's user from the admin API.
 */
export async function fetchTokens(url: string): Promise<Tokens> {
  const basic = Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64');
  const client = await tokenFrom(`${url}/user/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const user = await tokenFrom(`${url}/__admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uniqueId: SAMPLE_UNIQUE_ID }),
  });
  return { client, user };
}

/** A token endpoint's `access_token`; anything but a 200 with one is an error. */
export async function tokenFrom(url: string, init: RequestInit): Promise<string> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { access_token?: unknown };
  if (res.status !== 200 || typeof body.access_token !== 'string') {
    throw new Error(`${url} answered ${res.status} without an access token: ${JSON.stringify(body).slice(0, 200)}`);
  }
  return body.access_token;
}

/** Sends one request of a scenario; a non-2xx answer is an error (the bench measures success). */
export async function send(url: string, scenario: Scenario, tokens: Tokens): Promise<CapturedAnswer> {
  const res = await fetch(url + scenario.path, {
    method: scenario.method,
    headers: requestHeaders(scenario, tokens),
    body: scenario.body,
    signal: AbortSignal.timeout(10_000),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status < 200 || res.status > 299) {
    throw new Error(`${scenario.method} ${url}${scenario.path} answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
  }
  return {
    method: scenario.method,
    path: scenario.path,
    requestBody: scenario.body ?? '',
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'application/json',
    bodyBase64: body.toString('base64'),
  };
}

/** Captures our mock's answer to every scenario into `file`, the bare server's routes. */
export async function captureAnswers(url: string, scenarios: readonly Scenario[], tokens: Tokens, file: string): Promise<void> {
  const answers: CapturedAnswer[] = [];
  for (const scenario of scenarios) answers.push(await send(url, scenario, tokens));
  await writeFile(file, JSON.stringify(answers));
}
