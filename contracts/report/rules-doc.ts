/**
 * `docs/contract-rules.md`, rendered from `CONTRACT_RULES` and the checks themselves (the semantic
 * suite's list, and one Dredd transaction per documented status of the spec), so the table of
 * rules and the coverage table of `summary.md` cannot drift apart. `npm run rules:doc` writes it;
 * `rules-doc.test.ts` fails when the committed file is not what this renders.
 */
import { listOperations, specValidators } from '../../spec/index.ts';
import { SEMANTIC_CHECKS } from '../semantic/run-semantic.ts';
import { CONTRACT_RULES } from './contract-rules.ts';

/** More checks of one group than this under a rule are shown as the group and a count. */
const LISTED_PER_GROUP = 25;

/** Every check's `suite.group: name`, Dredd's as `dredd.<operationId>: … > <status> > application/json`. */
export function allCheckKeys(): string[] {
  const dredd = listOperations(specValidators().doc).flatMap((op) => Object.keys(op.responses).map((status) => `dredd.${op.operationId}: … > ${status} > application/json`));
  return [...dredd, ...SEMANTIC_CHECKS.map((c) => `semantic.${c.group}: ${c.name}`)];
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function checksCell(keys: string[]): string {
  const byGroup = new Map<string, string[]>();
  for (const key of keys) {
    const group = key.slice(0, key.indexOf(':'));
    byGroup.set(group, [...(byGroup.get(group) ?? []), key]);
  }
  return [...byGroup.entries()]
    .flatMap(([group, inGroup]) => (inGroup.length > LISTED_PER_GROUP ? [`\`${group}\`: ${inGroup.length} checks`] : inGroup.map((k) => `\`${k}\``)))
    .map(cell)
    .join('<br>');
}

export function renderRulesDoc(): string {
  const keys = allCheckKeys();
  const rows = CONTRACT_RULES.map(({ rule, where, checks }) => `| ${cell(rule)} | ${cell(where)} | ${checksCell(keys.filter((k) => checks.test(k)))} |`);
  return `${[
    '# The rules the contract suites check',
    '',
    '<!-- Generated from contracts/report/contract-rules.ts by `npm run rules:doc`; do not edit by hand. -->',
    '',
    `Each rule of the API (docs/reference.md §3 and §4, the RFCs it follows), where it is stated, and`,
    `the checks of \`connect-contract\` that exercise it (${keys.length} checks in all). The coverage table at`,
    'the end of every run\'s `summary.md` is made from the same list: each rule marked exercised,',
    'skipped (with the reasons) or not covered. How the checks are derived from the rules rather than',
    'from examples: [decision 045](decisions/045-checks-derived-from-rules-and-the-skip-budget.md).',
    '',
    '| rule | where stated | checks |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n')}\n`;
}
