import { CONSTRAINT_BROKEN_SERVERS } from './broken/constraints.ts';
import { describeBrokenServers } from './expect-caught.ts';

describeBrokenServers('constraints the runner must cross (spec-derived 400s, body size)', CONSTRAINT_BROKEN_SERVERS);
