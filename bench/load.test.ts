import { expect, it } from 'vitest';
import { percentile } from './load.ts';

it('takes the nearest-rank percentile of sorted samples', () => {
  const samples = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(percentile(samples, 0.5)).toBe(5);
  expect(percentile(samples, 0.99)).toBe(10);
  expect(percentile(Float64Array.from([0.25]), 0.5)).toBe(0.25);
});

it('gives NaN without samples, never a made-up latency', () => {
  expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
});
