/** `npm run rules:doc`: writes docs/contract-rules.md from contracts/report/contract-rules.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../contracts/report/rules-doc.ts';

const path = fileURLToPath(new URL('../docs/contract-rules.md', import.meta.url));
writeFileSync(path, renderRulesDoc());
console.log(`rules:doc: ${path} written`);
