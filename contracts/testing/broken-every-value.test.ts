import { EVERY_VALUE_BROKEN_SERVERS } from './broken/every-value.ts';
import { describeBrokenServers } from './expect-caught.ts';

describeBrokenServers('only the first value probed (every phone, email, credential; prefixes; trim, case, NFC)', EVERY_VALUE_BROKEN_SERVERS);
