/**
 * compose.yaml as a team runs it: Redis, two mock replicas sharing it, the load balancer in front.
 * Through the balancer only (its port published on a free port of 127.0.0.1), reading which
 * replica served each answer from X-Mock-Replica: a token and a write made on one replica hold on
 * both, and with one replica killed the other keeps serving. Skipped, saying why, while the image's
 * mock has no `--redis` (shared state) or no Compose is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL } from '../../fixtures/scenario-sample.ts';
import { type ComposeProject, composeCommand, composeProject } from './compose.ts';
import { docker, IMAGE, uniqueName } from './docker.ts';

const REPLICAS = ['mock-a', 'mock-b'];
const help = await docker(['run', '--rm', IMAGE, 'connect-mock', '--help']);
const compose = await composeCommand();
const skipReason = !/--redis\b/.test(help.stdout)
  ? 'the image’s connect-mock has no --redis flag (shared state on Redis) yet'
  : !compose
    ? 'neither `docker compose` nor `docker-compose` is installed (apt-get install docker-compose)'
    : undefined;

if (skipReason) {
  console.warn(`compose test skipped: ${skipReason}`);
  it.skip(`compose.yaml: two replicas on Redis behind the balancer (skipped: ${skipReason})`, () => {});
} else {
  describe('compose.yaml: two replicas on Redis behind the balancer', () => {
    let project: ComposeProject;
    let url: string;

    beforeAll(async () => {
      // MOCK_PUBLISH_PORT empty: Docker publishes the balancer on a free port of 127.0.0.1.
      project = composeProject(compose!, uniqueName('connect-kit-compose'), { MOCK_PUBLISH_PORT: '' });
      await project.run(['up', '-d']);
      url = `http://${(await project.run(['port', 'balancer', '4010'])).split('\n')[0]}`;
      await fromBoth(() => get('/healthz'), (response) => response.status === 200, 60);
    });

    afterAll(async () => {
      await project?.run(['down', '--volumes', '--remove-orphans', '--timeout', '2']);
    });

    it('answers from both replicas, each saying which it is', async () => {
      const served = await fromBoth(() => get('/healthz'), (response) => response.status === 200);
      expect([...served].sort()).toEqual(REPLICAS);
    });

    it('takes a token issued by one replica on both', async () => {
      const issued = await post('/user/oauth/token', 'grant_type=client_credentials', {
        authorization: `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(issued.status).toBe(200);
      const { access_token: token } = (await issued.json()) as { access_token: string };
      const info = () => get(`/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { authorization: `Bearer ${token}` });
      expect([...(await fromBoth(info, (response) => response.status === 200))].sort()).toEqual(REPLICAS);
    });

    it('reads a write made through one replica back from both', async () => {
      const minted = await post('/__admin/tokens', JSON.stringify({ credential: SAMPLE_EMAIL }), { 'content-type': 'application/json' });
      expect(minted.status).toBe(200);
      const auth = { authorization: `Bearer ${((await minted.json()) as { access_token: string }).access_token}` };
      const written = await post('/v1/customer/info', JSON.stringify({ name: { firstName: 'Kari', lastName: 'Compose' } }), { ...auth, 'content-type': 'application/json' });
      expect(written.status).toBe(200);
      const lastName = async (response: Response) => response.status === 200 && ((await response.json()) as { name?: { lastName?: string } }).name?.lastName === 'Compose';
      expect([...(await fromBoth(() => get('/v1/customer/info', auth), lastName))].sort()).toEqual(REPLICAS);
    });

    it('keeps serving from the other replica when one is killed', async () => {
      await project.run(['kill', 'mock-a']);
      // Every answer is a 200 (the balancer sends a failed request to the other replica), and
      // once the balancer's checks see mock-a gone, ten answers in a row come from mock-b.
      let inARow = 0;
      for (let attempt = 0; attempt < 60 && inARow < 10; attempt++) {
        const response = await get('/healthz');
        expect(response.status).toBe(200);
        inARow = response.headers.get('x-mock-replica') === 'mock-b' ? inARow + 1 : 0;
        await pause(100);
      }
      expect(inARow).toBe(10);
    });

    function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
      return fetch(`${url}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
    }

    function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
      return fetch(`${url}${path}`, { method: 'POST', body, headers, signal: AbortSignal.timeout(10_000) });
    }
  });
}

/**
 * Calls `request` until an answer from each replica passed `check` (round robin alternates them);
 * the replicas that did. A request that fails to connect (the balancer still starting) is retried.
 */
async function fromBoth(request: () => Promise<Response>, check: (response: Response) => boolean | Promise<boolean>, attempts = 20): Promise<Set<string>> {
  const passed = new Set<string>();
  for (let attempt = 0; attempt < attempts && passed.size < REPLICAS.length; attempt++) {
    try {
      const response = await request();
      const replica = response.headers.get('x-mock-replica');
      if (replica && (await check(response))) passed.add(replica);
    } catch {
      // Not answering yet.
    }
    if (passed.size < REPLICAS.length) await pause(250);
  }
  return passed;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
