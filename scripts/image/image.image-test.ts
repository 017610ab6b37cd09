/**
 * The kit's image as a user runs it (README "Without Node: Docker"): built from the Dockerfile by
 * the global setup, started with `docker run`, talked to only through ports published on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, scenarioCustomers } from '../../fixtures/scenarios.ts';
import { docker, dockerOk, IMAGE, publishedUrl, startContainer, TEST_LABEL, uniqueName, waitForHealth } from './docker.ts';

const SCENARIOS = scenarioCustomers().length;

async function clientToken(url: string): Promise<string> {
  const response = await fetch(`${url}/user/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('docker run IMAGE (connect-mock, the default command)', () => {
  let container: string;
  let url: string;

  beforeAll(async () => {
    container = await startContainer();
    url = await publishedUrl(container);
  });

  it('answers /healthz within 10 s with the default data', async () => {
    const health = await waitForHealth(url, container, 10_000);
    expect(health).toMatchObject({ status: 'ok', customers: 1000 + SCENARIOS });
  });

  it('serves the sample customer to a client token', async () => {
    await waitForHealth(url, container, 10_000);
    const response = await fetch(`${url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { headers: { authorization: `Bearer ${await clientToken(url)}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customerNumber: SAMPLE_CUSTOMER_NUMBER });
  });

  it('runs as a user other than root', async () => {
    expect(await dockerOk(['exec', container, 'id', '-u'])).not.toBe('0');
    // PID 1 itself, not only what `docker exec` starts.
    expect(await dockerOk(['exec', container, 'sh', '-c', "awk '/^Uid:/ { print $2 }' /proc/1/status"])).not.toBe('0');
  });

  it('passes its own HEALTHCHECK command', async () => {
    await waitForHealth(url, container, 10_000);
    const test = JSON.parse(await dockerOk(['inspect', '--format', '{{json .Config.Healthcheck.Test}}', container])) as string[];
    expect(test[0]).toBe('CMD');
    expect((await docker(['exec', container, ...test.slice(1)])).code).toBe(0);
  });

  it('ends on `docker stop` within 2 s by closing itself, not by SIGKILL', async () => {
    await waitForHealth(url, container, 10_000);
    // Given 2 s before SIGKILL: 0 is the mock's own exit on SIGTERM, 137 would be the kill.
    await dockerOk(['stop', '--time', '2', container]);
    expect(await dockerOk(['inspect', '--format', '{{.State.ExitCode}}', container])).toBe('0');
    expect((await docker(['logs', container])).stdout).toContain('SIGTERM: closing the mock');
  });
});

describe('the mock’s flags and MOCK_* variables', () => {
  it('takes flags after the command: connect-mock --count 50', async () => {
    const container = await startContainer({ args: ['connect-mock', '--count', '50'] });
    expect(await waitForHealth(await publishedUrl(container), container, 10_000)).toMatchObject({ customers: 50 + SCENARIOS });
  });

  it('takes MOCK_* variables: MOCK_COUNT=7, MOCK_RATE_LIMIT=off', async () => {
    const container = await startContainer({ env: { MOCK_COUNT: '7', MOCK_RATE_LIMIT: 'off' } });
    const url = await publishedUrl(container);
    expect(await waitForHealth(url, container, 10_000)).toMatchObject({ customers: 7 + SCENARIOS });
    const response = await fetch(`${url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { headers: { authorization: `Bearer ${await clientToken(url)}` } });
    expect(response.status).toBe(200);
    expect(response.headers.has('x-ratelimit-remaining')).toBe(false);
  });
});

describe('the other two commands', () => {
  let network: string;

  beforeAll(async () => {
    network = uniqueName('connect-kit-test');
    await dockerOk(['network', 'create', '--label', TEST_LABEL, network]);
  });

  afterAll(async () => {
    if (network) await docker(['network', 'rm', network]);
  });

  it('connect-contract passes against the mock in another container, Dredd included', async () => {
    const mock = uniqueName('mock');
    const container = await startContainer({ network, name: mock, args: ['connect-mock', '--count', '20'] });
    await waitForHealth(await publishedUrl(container), container, 10_000);
    const run = await docker(['run', '--rm', '--label', TEST_LABEL, '--network', network, IMAGE, 'connect-contract', '--base-url', `http://${mock}:4010`], 170_000);
    expect(run.stderr + run.stdout.slice(-2_000)).toMatch(/\d+ passed, 0 failed/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok {3}dredd\./m);
    expect(run.stdout).not.toContain('Dredd is not installed');
  });

  it('connect-fixtures writes fixtures to standard output', async () => {
    const run = await docker(['run', '--rm', '--label', TEST_LABEL, IMAGE, 'connect-fixtures', '--count', '3', '--out', '-']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(3 + SCENARIOS);
  });
});
