/**
 * Redoc's standalone browser bundle, which renders the reference page in the browser. In the
 * package the build copies it next to this module (docs/decisions/032: Redoc stays a development
 * dependency, so installing the kit does not pull Redoc's React tree); in the checkout it is read
 * from node_modules. Read once, on the first request for it, and made to load nothing from elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REDOC_BUNDLE_NAME = 'redoc.standalone.js';

let bundle: Buffer | undefined;

export function redocBundlePath(): string {
  const beside = fileURLToPath(new URL(`./${REDOC_BUNDLE_NAME}`, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(`redoc/bundles/${REDOC_BUNDLE_NAME}`);
}

/**
 * Redoc's sidebar always shows Redocly's logo from their CDN (no option turns it off); the page may
 * ask no other host for anything, so the bundle is served with that address replaced by an empty
 * `data:` URL, which fails to load as an image, and Redoc then hides the image (its `onError`).
 */
const CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const NO_LOGO = 'data:,';

export function redocBundle(): Buffer {
  bundle ??= Buffer.from(readFileSync(redocBundlePath(), 'utf8').replaceAll(CDN_LOGO, NO_LOGO), 'utf8');
  return bundle;
}
