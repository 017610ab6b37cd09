import type { HttpResponse } from '../http/http-client.ts';
import { needClient, needMock, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { customerNumbers, expectException, expectResponse, expectThat } from './expect.ts';
import { searchFacts } from './search-facts.ts';
import { SEARCH_SCENARIOS, type SearchScenario } from './search-scenarios.ts';

const OPERATION = 'searchCustomers';

/** Every search scenario as a check; each 200 answer is also checked for order by customer number. */
export const SEARCH_CHECKS: SemanticCheck[] = SEARCH_SCENARIOS.map((scenario) => ({
  group: 'search',
  name: scenario.name,
  run: (target) => runScenario(target, scenario),
}));

async function runScenario(target: Target, scenario: SearchScenario): Promise<void> {
  const token = needClient(target);
  if (scenario.seeded) needMock(target, `this scenario (${scenario.seeded})`);
  const body = scenario.body(searchFacts(target));
  const res = await target.http.request({ method: 'POST', path: '/v1/client/customer/search', bearer: token, json: body });
  const { expect } = scenario;
  expectResponse(res, OPERATION, expect.status);
  if (expect.status === 403) expectException(res, expect.exceptionType);
  if (expect.status !== 200) return;
  const numbers = customerNumbers(res);
  expectOrdered(res, numbers);
  if ('exactly' in expect) {
    expectThat(
      JSON.stringify(numbers) === JSON.stringify(expect.exactly),
      `expected customers [${expect.exactly.join(', ')}], got [${numbers.join(', ')}]`,
      res,
    );
  } else {
    const own = searchFacts(target).own;
    expectThat(
      numbers.includes(own) === expect.includesOwn,
      `expected the own customer ${own} ${expect.includesOwn ? 'among' : 'not among'} the results, got [${numbers.join(', ')}]`,
      res,
    );
  }
}

function expectOrdered(res: HttpResponse, numbers: number[]): void {
  const sorted = [...numbers].sort((a, b) => a - b);
  expectThat(JSON.stringify(sorted) === JSON.stringify(numbers), `results are not ordered by customerNumber: [${numbers.join(', ')}]`, res);
}
