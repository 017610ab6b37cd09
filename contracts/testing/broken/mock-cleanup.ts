/** A mock whose admin DELETE answers 204 and keeps the customer: the run's cleanup must say so. */
import type { Breakage } from '../wrap-mock.ts';
import type { BrokenServer } from './broken-server.ts';

const deleteThatKeeps: Breakage = {
  request: (req) => (req.method === 'DELETE' && /^\/__admin\/customers\/\d+$/.test(req.path) ? { status: 204, headers: {}, body: '' } : req),
};

export const CLEANUP_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'an admin DELETE that answers 204 and keeps the customer', breakage: deleteThatKeeps, caughtBy: 'setup.mock: removes every customer it seeded' },
];
