import { expect, it } from 'vitest';
import { BEGIN, END, spliceReport } from './report-file.ts';

it('replaces only the text between the markers', () => {
  const before = `# Benchmarks\n\nintro\n\n${BEGIN}\nold tables\n${END}\n\n## What changed\n\nnotes\n`;
  const after = spliceReport(before, 'new tables\n');
  expect(after).toBe(`# Benchmarks\n\nintro\n\n${BEGIN}\nnew tables\n${END}\n\n## What changed\n\nnotes\n`);
});

it('appends the tables to a file that has no markers, keeping its text', () => {
  expect(spliceReport('# Notes\n', 'tables')).toBe(`# Notes\n\n${BEGIN}\ntables\n${END}\n`);
});

it('creates a titled file when there is none', () => {
  const created = spliceReport(undefined, 'tables');
  expect(created.startsWith('# Benchmarks\n')).toBe(true);
  expect(created.endsWith(`${BEGIN}\ntables\n${END}\n`)).toBe(true);
});
