import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { onPath, planFor } from './system-packages.ts';

it('does nothing when nothing is missing, root or not', () => {
  expect(planFor([], { root: false, apt: true })).toEqual({ action: 'none' });
  expect(planFor([], { root: true, apt: true })).toEqual({ action: 'none' });
});

it('installs what is missing when root with apt', () => {
  expect(planFor(['chromium', 'redis-server'], { root: true, apt: true })).toEqual({ action: 'install', packages: ['chromium', 'redis-server'] });
});

it('stops with the one command that installs what is missing when not root', () => {
  const plan = planFor(['redis-server'], { root: false, apt: true });
  expect(plan).toMatchObject({ action: 'stop' });
  expect(plan.action === 'stop' && plan.message).toContain('\n  sudo apt-get install -y redis-server\n');
});

it('says what to install and where it is looked for without apt', () => {
  const plan = planFor(['chromium', 'redis-server'], { root: true, apt: false });
  expect(plan.action === 'stop' && plan.message).toMatch(/install chromium and redis-server \(the tests look for Chromium at .+ or CHROMIUM_PATH, redis-server on PATH\)/);
});

it('finds a command on PATH only where it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'path-'));
  try {
    writeFileSync(join(dir, 'redis-server'), '');
    expect(onPath('redis-server', `/nonexistent:${dir}`)).toBe(true);
    expect(onPath('redis-server', '/nonexistent')).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
