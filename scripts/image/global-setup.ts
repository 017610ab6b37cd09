/**
 * `npm run test:image` starts here, once: a Docker daemon (Debian's, when none answers), the
 * stand-in base images when no registry can give the real ones (docs/decisions/039), then the
 * kit's image, built from the Dockerfile exactly as a user builds it. The build time is printed.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { IMAGE, removeTestContainers } from './docker.ts';

const root = join(import.meta.dirname, '../..');

export async function setup(): Promise<void> {
  execFileSync(join(root, 'scripts/image/docker-daemon.sh'), { stdio: 'inherit' });
  execFileSync(join(root, 'scripts/image/stand-in-images.sh'), { stdio: 'inherit' });
  await removeTestContainers();
  const started = Date.now();
  execFileSync('docker', ['build', '--quiet', '-t', IMAGE, root], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });
  const size = execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', IMAGE], { encoding: 'utf8' });
  console.log(`image: ${IMAGE} built in ${((Date.now() - started) / 1000).toFixed(1)} s, ${(Number(size) / 1e6).toFixed(0)} MB`);
}

export async function teardown(): Promise<void> {
  await removeTestContainers();
}
