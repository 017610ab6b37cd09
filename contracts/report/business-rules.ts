/**
 * The business rules of the API that no schema states (contracts/README.md, "What the suites
 * check"), each with the checks that exercise it, matched on `suite.group: name`. The coverage
 * table of `summary.md` marks each rule exercised, skipped (with the reasons) or not covered.
 */
export interface BusinessRule {
  rule: string;
  checks: RegExp;
}

export const BUSINESS_RULES: BusinessRule[] = [
  { rule: 'user mode answers the customer that holds the token’s user', checks: /^semantic\.(client-info: shows the same customer as user mode|update: )/ },
  { rule: 'the update replaces all four fields; a field left out becomes null', checks: /^semantic\.update: (replaces all|writes every field)/ },
  { rule: 'an empty, null or missing name becomes {lastName: "-"}; a name without lastName or companyName is a 400', checks: /^semantic\.update: (names the customer "-"|answers 400 to a name without)/ },
  { rule: 'customerNumber and attachedUsers in an update are ignored; any other unknown field is a 400', checks: /^semantic\.update: (ignores the read-only|answers 400 to an unknown field)/ },
  { rule: 'address and products are untouched by an update', checks: /^semantic\.update: leaves the address/ },
  { rule: 'a search holds one of the three shapes (name+street+postal, phone, email), else 400', checks: /^semantic\.search: (finds a customer by|answers 400 to)/ },
  // Every 200 of a search is checked against every field of its query, and for its order.
  { rule: 'every search field must match (AND)', checks: /^semantic\.search: (requires every field|finds )/ },
  { rule: 'search and credentials match after trim, case folding and Unicode NFC', checks: /^semantic\.(search: (matches|ignores whitespace)|credentials: matches)/ },
  { rule: 'whole values, not prefixes', checks: /does not match a prefix/ },
  { rule: 'every phone and every email of a customer finds it', checks: /^semantic\.search: finds the customer by (each|every)/ },
  { rule: 'productCode keeps only customers holding the product', checks: /^semantic\.search: a product code/ },
  { rule: 'search results are ordered by customerNumber', checks: /^semantic\.search: (orders results|finds )/ },
  { rule: 'more than five matches: 403 TooManyResultsException; five are answered', checks: /^semantic\.search: (returns all five|answers 403 )/ },
  { rule: 'credential check: input order, only the input’s credentials, unknown left out, 1 to 100 of at most 60 characters', checks: /^semantic\.credentials: / },
  { rule: 'client-mode info: customerNumber N describes N; a bad number is 400, an unknown one 404', checks: /^semantic\.client-info: / },
  { rule: 'every request is validated against the spec: 400 naming the field', checks: /^semantic\.constraints\./ },
  { rule: 'malformed JSON 400, wrong content type 415, a body over 1 MiB 413, never a 5xx', checks: /^semantic\.(robustness|body-size)\./ },
  { rule: 'errors are {exceptionType, errorMessage}', checks: /^(dredd\.[^:]+: .* > (400|403|404|413|415) >|semantic\.constraints\.)/ },
  { rule: 'no or bad bearer: 401 with a WWW-Authenticate challenge; the wrong kind of token: 403', checks: /^semantic\.auth\./ },
  { rule: 'the token endpoint: codes once, bound to client and redirect_uri; RFC 6749 errors', checks: /^semantic\.oauth: / },
  { rule: 'rate limits: X-RateLimit-* on every answer, counting down, Reset in epoch seconds, Retry-After on a 429', checks: /^semantic\.rate-limit: / },
  { rule: 'fault injection: Prefer: code=429|500 answers that documented status', checks: /^dredd\.[^:]+: .* > (429|500) >/ },
];
