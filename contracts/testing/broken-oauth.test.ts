import { OAUTH_BROKEN_SERVERS } from './broken/oauth.ts';
import { describeBrokenServers } from './expect-caught.ts';

describeBrokenServers('the OAuth token endpoint itself', OAUTH_BROKEN_SERVERS);
