import { RATE_LIMIT_BROKEN_SERVERS } from './broken/rate-limit.ts';
import { describeBrokenServers } from './expect-caught.ts';

describeBrokenServers('rate-limit headers by behaviour', RATE_LIMIT_BROKEN_SERVERS);
