/** The parts of a Dredd 14 transaction object the hooks read and write (dredd.org, "Hooks"). */
export interface DreddTransaction {
  name: string;
  id: string;
  fullPath: string;
  skip?: boolean;
  fail?: boolean | string;
  origin: { resourceName?: string; actionName?: string };
  request: { method: string; uri: string; headers: Record<string, string>; body?: string };
  expected: { statusCode?: string; headers?: Record<string, string>; body?: string; bodySchema?: unknown };
  real?: { statusCode: number; headers: Record<string, string>; body?: string };
  results?: { fields?: Record<string, { valid?: boolean; errors?: Array<{ message: string }> }> };
  errors?: Array<{ severity: string; message: string }>;
  test?: { status?: string; message?: string; valid?: boolean };
  protocol: string;
  host: string;
  port: string | number;
}

/** The key under which the runner hands its hooks to `hooks.cjs` in the same process. */
export const BRIDGE_KEY = Symbol.for('connect-customer-api.contracts.dredd-bridge');

/** What `hooks.cjs` calls; each stage settles before Dredd goes on. */
export interface DreddBridge {
  beforeEach(transaction: DreddTransaction): Promise<void>;
  beforeEachValidation(transaction: DreddTransaction): Promise<void>;
  afterEach(transaction: DreddTransaction): Promise<void>;
}
