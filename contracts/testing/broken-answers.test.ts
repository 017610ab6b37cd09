import { ANSWER_BROKEN_SERVERS } from './broken/answers.ts';
import { describeBrokenServers } from './expect-caught.ts';

describeBrokenServers('a 200 that answers another question', ANSWER_BROKEN_SERVERS);
