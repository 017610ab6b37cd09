/**
 * `npm run build` (run by `prepack`): the package's plain JavaScript in dist/, then the files the
 * compiled code reads at run time, each put where its module looks for it (beside it, as in the
 * sources): the spec, Dredd's CommonJS hook file, Redoc's browser bundle (docs/decisions/032), and
 * the console's script, bundled here by esbuild, and style sheet (docs/decisions/041).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CONSOLE_SCRIPT, CONSOLE_STYLE, consoleBuildOptions } from '../mock/http/console/console-bundle.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

const assets: Array<[from: string, to: string]> = [
  [join(root, 'spec/customer-api.yaml'), 'spec/customer-api.yaml'],
  [join(root, 'spec/admin-api.yaml'), 'spec/admin-api.yaml'],
  [join(root, 'contracts/dredd/hooks.cjs'), 'contracts/dredd/hooks.cjs'],
  [require.resolve('redoc/bundles/redoc.standalone.js'), 'mock/http/docs/redoc.standalone.js'],
  [require.resolve('redoc/bundles/redoc.standalone.js.LICENSE.txt'), 'mock/http/docs/redoc.standalone.js.LICENSE.txt'],
  [join(dirname(require.resolve('redoc/package.json')), 'LICENSE'), 'mock/http/docs/REDOC-LICENSE'],
  [join(root, 'mock/http/console/app', CONSOLE_STYLE), `mock/http/console/${CONSOLE_STYLE}`],
  [join(dirname(require.resolve('preact/package.json')), 'LICENSE'), 'mock/http/console/PREACT-LICENSE'],
];

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const [from, to] of assets) {
  mkdirSync(dirname(join(dist, to)), { recursive: true });
  copyFileSync(from, join(dist, to));
}
await build(consoleBuildOptions(join(dist, 'mock/http/console', CONSOLE_SCRIPT)));
console.log(`build: dist/ written (${assets.length} run-time files copied beside the compiled code)`);
