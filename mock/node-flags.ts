/**
 * The flags Node runs the mock with, wherever this project starts it: `npm start` (package.json),
 * the installed `connect-mock` command (the `#!` line of bin/connect-mock.js) and the bench
 * (bench/mock-process.ts). node-flags.test.ts holds all three to this list.
 *
 * `--no-memory-reducer`: once the process has been idle for about a hundred seconds, V8's memory
 * reducer runs collections meant to give memory back, after which every answer cost a quarter
 * more CPU for as long as the mock ran (client info 33 → 41 µs, measured again and again; with
 * the flag, 32 µs before and after). A mock sits idle between test runs; it should not be slower
 * for the next one (docs/decisions/036). It is a V8 flag that Node refuses in NODE_OPTIONS and
 * that cannot be set once the heap exists, hence the command lines.
 */
export const MOCK_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];
