import { defineConfig } from 'vitest/config';

// `npm run test:image`: the image and compose tests, apart from `npm test` (they need a Docker
// daemon and build the image). One file at a time: each starts containers on a two-core machine.
export default defineConfig({
  test: {
    include: ['scripts/image/*.image-test.ts'],
    globalSetup: ['scripts/image/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
