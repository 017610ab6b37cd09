/**
 * The console's browser code: one JavaScript file bundled by esbuild from `app/main.tsx` (Preact,
 * docs/decisions/041). The package ships it prebuilt beside this module (`npm run build`); in a
 * checkout, where tests run from source, it is bundled on first request and kept, so no build
 * step is needed before `npm test` or `npm start`. esbuild is a development dependency: it is
 * imported only when there is no prebuilt file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CONSOLE_SCRIPT = 'console.js';
export const CONSOLE_STYLE = 'console.css';

let script: Promise<Buffer> | undefined;
let style: Buffer | undefined;

/** esbuild's options, shared with `scripts/build.ts` so that the shipped file is the one tests see. */
export function consoleBuildOptions(outfile?: string) {
  return {
    entryPoints: [fileURLToPath(new URL('./app/main.tsx', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm' as const,
    target: 'es2020',
    jsx: 'automatic' as const,
    jsxImportSource: 'preact',
    legalComments: 'none' as const,
    logLevel: 'silent' as const,
    ...(outfile ? { outfile } : { write: false }),
  };
}

export function consoleScript(): Promise<Buffer> {
  script ??= loadScript().catch((error: unknown) => {
    // A failed build is tried again on the next request, not kept.
    script = undefined;
    throw error;
  });
  return script;
}

export function consoleStyle(): Buffer {
  const beside = fileURLToPath(new URL(`./${CONSOLE_STYLE}`, import.meta.url));
  style ??= readFileSync(existsSync(beside) ? beside : fileURLToPath(new URL(`./app/${CONSOLE_STYLE}`, import.meta.url)));
  return style;
}

async function loadScript(): Promise<Buffer> {
  const prebuilt = fileURLToPath(new URL(`./${CONSOLE_SCRIPT}`, import.meta.url));
  if (existsSync(prebuilt)) return readFileSync(prebuilt);
  const { build } = await import('esbuild');
  const result = await build(consoleBuildOptions());
  return Buffer.from(result.outputFiles![0]!.contents);
}
