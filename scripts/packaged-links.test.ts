/**
 * Everything the packaged Markdown links to is in the package (issue 25): the file list of
 * `npm pack` (a dry run: the same list the tarball gets, without the build), every relative link
 * of every packaged `.md` followed to a packaged file. scripts/package.test.ts does the same on a
 * real install.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { relativeLinks } from './markdown-links.ts';

const root = join(import.meta.dirname, '..');

it('packs every file the packaged Markdown links to', async () => {
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 << 20 });
  const [{ files }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [{ files: Array<{ path: string }> }];
  const packed = new Set(files.map((f) => f.path));
  const markdown = [...packed].filter((p) => p.endsWith('.md'));
  expect(markdown).toEqual(expect.arrayContaining(['README.md', 'docs/reference.md', 'docs/contract-rules.md', 'contracts/README.md']));
  const missing = markdown.flatMap((file) =>
    relativeLinks(readFileSync(join(root, file), 'utf8'))
      .map((link) => normalize(join(dirname(file), link)).replace(/\/$/, ''))
      .filter((target) => !packed.has(target) && ![...packed].some((p) => p.startsWith(`${target}/`)))
      .map((target) => `${file} → ${target}`),
  );
  expect(missing).toEqual([]);
}, 60_000);

it('reads relative links and leaves out URLs, anchors and code', () => {
  expect(relativeLinks('[a](docs/x.md#y) ![p](pic.png) [u](https://x.no) [h](#top) `[c](code.md)`\n```\n[f](fenced.md)\n```')).toEqual(['docs/x.md', 'pic.png']);
});
