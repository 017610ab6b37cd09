/**
 * Every file a source comment cites is in the repository, so a reader can follow it; and no file
 * names a document the repository does not ship (notes kept outside it, such as a style guide or a
 * design brief): what a maintainer needs is written into README.md, docs/reference.md and
 * docs/decisions/ and cited there.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, it } from 'vitest';

const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const trackedSet = new Set(tracked);

/**
 * Names a comment may give that are not repository files, each for its reason: files the kit
 * writes (reports, fixtures, a route list), Node's own modules, the build's output, and one method.
 */
const NOT_FILES = new Map([
  ['summary.md', 'a contract report the runner writes'],
  ['results.json', 'a contract report the runner writes'],
  ['missing.json', 'a file a test names to show it is missing'],
  ['customers.json', 'the fixture file `npm run fixtures` writes'],
  ['ROUTES.json', 'the bench server\'s argument'],
  ['_http_common.js', 'a module of Node itself'],
  ['_http_server.js', 'a module of Node itself'],
  ['load-worker.js', 'load-worker.ts as the build emits it'],
  ['res.json', 'Express\'s method, not a file'],
]);

/** A path-like word ending in an extension the repository has files of. */
const CITATION = /(?<![\w./-])((?:\.{1,2}\/)*(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.(?:ts|md|js|cjs|json|ya?ml|txt))(?![\w/-])/g;
const COMMENT = /\/\*[\s\S]*?\*\/|(?<![:'"`\w])\/\/[^\n]*/g;

function resolves(cited: string, from: string): boolean {
  if (cited.startsWith('.')) return trackedSet.has(normalize(join(dirname(from), cited)));
  return tracked.some((file) => file === cited || file.endsWith(`/${cited}`));
}

it('cites, in source comments, only files the repository has', () => {
  const missing: string[] = [];
  for (const file of tracked.filter((name) => /\.(ts|js|cjs|mjs)$/.test(name))) {
    for (const comment of readFileSync(file, 'utf8').match(COMMENT) ?? []) {
      for (const [, cited] of comment.matchAll(CITATION)) {
        if (!NOT_FILES.has(cited!) && !resolves(cited!, file)) missing.push(`${file}: ${cited}`);
      }
    }
  }
  expect(missing).toEqual([]);
});

it('names no document kept outside the repository, in any file', () => {
  // Spelt in pieces, so that this file does not name them itself.
  const outside = new RegExp(['STYLE', 'DESIGN'].map((name) => `\\b${name}\\.md\\b`).join('|') + '|(?<![\\w-])shared\\/');
  const naming = tracked.filter((file) => !/\.(png|gz|ico|woff2?)$/.test(file)).flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, index) => (outside.test(line) ? [`${file}:${index + 1}`] : []));
  });
  expect(naming).toEqual([]);
});
