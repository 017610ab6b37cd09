/**
 * The one list of the rules the contract suites check: each rule, where it is stated, and the
 * checks that exercise it (matched on `suite.group: name`). `docs/contract-rules.md` is generated
 * from it (`npm run rules:doc`), and so is the rule half of the coverage table in `summary.md`;
 * a test keeps every semantic check traced to a rule and every rule to a check.
 */
export interface ContractRule {
  rule: string;
  /** Where the rule is stated: docs/reference.md (§3, §4 of the kit's reference) or an RFC. */
  where: string;
  checks: RegExp;
}

const REF3 = 'docs/reference.md §3';
const REF4 = 'docs/reference.md §4';

export const CONTRACT_RULES: ContractRule[] = [
  { rule: 'every documented status of every operation, its body valid against the full schema', where: 'docs/reference.md §2, §6', checks: /^dredd\./ },
  { rule: 'user mode answers the customer that holds the token’s user', where: `${REF3} User mode`, checks: /^semantic\.(client-info: shows the same customer as user mode|update: )/ },
  { rule: 'the update replaces all four fields; a field left out becomes null', where: `${REF3} Update replaces all`, checks: /^semantic\.update: (replaces all|writes every field)/ },
  { rule: 'everything written reads back exactly as written (case, Unicode code points, list order, nulls), in user and client mode', where: `${REF3} Update replaces all ("every later read (user and client mode) shows exactly the new data")`, checks: /^semantic\.update(\.read-back: (name|phoneNumbers|emails|invoiceEmailAddress)|: writes every field)/ },
  { rule: 'an empty, null or {} body, or a missing, null or {} name, names the customer {lastName: "-"} (every other field null); a name without lastName or companyName is a 400', where: `${REF3} Update replaces all`, checks: /^semantic\.update(: (names the customer "-"|answers 400 to a name without)|\.read-back: a body of)/ },
  { rule: 'customerNumber and attachedUsers in an update are ignored; any other unknown field is a 400', where: `${REF3} Update replaces all`, checks: /^semantic\.update: (ignores the read-only|answers 400 to an unknown field)/ },
  { rule: 'address and products are untouched by an update', where: `${REF3} Update replaces all`, checks: /^semantic\.update: leaves the address/ },
  { rule: 'a search holds one of the three shapes (name+street+postal, phone, email), else 400', where: `${REF3} Search`, checks: /^semantic\.search: (finds a customer by|answers 400 to)/ },
  { rule: 'every search field given must match (AND): each field of the search request narrows the result', where: `${REF3} Search`, checks: /^semantic\.search(: (requires every field|finds )|\.fields: )/ },
  { rule: 'search and credentials match after trim, case folding and Unicode NFC', where: `${REF3} Search, Check customer number`, checks: /^semantic\.(search: (matches|ignores whitespace)|credentials: matches)/ },
  { rule: 'whole values, not prefixes', where: `${REF3} Search`, checks: /does not match a prefix/ },
  { rule: 'every phone and every email of a customer finds it', where: `${REF3} Search`, checks: /^semantic\.search: finds the customer by (each|every)/ },
  { rule: 'productCode keeps only customers holding the product', where: `${REF3} Search`, checks: /^semantic\.search(: a product code|\.fields: productCode)/ },
  { rule: 'search results are ordered by customerNumber; none is 200 {"customers": []}', where: `${REF3} Search`, checks: /^semantic\.search: (orders results|finds |answers 200 with an empty list)/ },
  { rule: 'more than five matches: 403 TooManyResultsException, five are answered; the limit counted after every filter', where: `${REF3} Search`, checks: /^semantic\.search(: (returns all five|answers 403 )|\.limit: )/ },
  { rule: 'credential check: input order, only the input’s credentials, unknown left out, 1 to 100 of at most 60 characters', where: `${REF3} Check customer number`, checks: /^semantic\.credentials: / },
  { rule: 'client-mode info: customerNumber N describes N; a bad number is 400, an unknown one 404', where: `${REF3} Client-mode info`, checks: /^semantic\.client-info: / },
  { rule: 'every request is validated against the spec: 400 naming the field', where: `${REF3} Validation`, checks: /^semantic\.constraints\./ },
  { rule: 'malformed JSON 400, wrong content type 415, a body over 1 MiB 413, never a 5xx', where: `${REF3} Validation`, checks: /^semantic\.(robustness|body-size)\./ },
  { rule: 'a JSON body is taken with every legitimate Content-Type: parameters (charset), any case', where: `${REF3} Validation; RFC 9110 §8.3.1`, checks: /^semantic\.request-forms: \w+ accepts Content-Type/ },
  { rule: 'errors are {exceptionType, errorMessage}', where: `${REF3} Errors`, checks: /^(dredd\.[^:]+: .* > (400|403|404|413|415) >|semantic\.constraints\.)/ },
  { rule: 'no or a bad bearer: 401 with a WWW-Authenticate: Bearer challenge naming the error; the wrong kind of token: 403 insufficient_scope', where: `${REF3} Auth, Errors; RFC 6750 §3, §3.1`, checks: /^semantic\.auth\./ },
  { rule: 'the token endpoint: a code works once, only for its client and redirect_uri; wrong secret 401 invalid_client with a challenge; RFC 6749 error codes; a refresh token is no bearer', where: `${REF4} OAuth; RFC 6749 §4.1.3, §5.2`, checks: /^semantic\.oauth: / },
  { rule: 'client authentication at the token endpoint by HTTP Basic, or client_id/client_secret in the form body, the query string, or both', where: `${REF4} Routes (POST /user/oauth/token); RFC 6749 §2.3.1`, checks: /^semantic\.request-forms: the token endpoint/ },
  { rule: 'the redirect after authorize carries the code and the state unchanged', where: `${REF4} Routes (GET /user/oauth/authorize); RFC 6749 §4.1.2`, checks: /^semantic\.oauth\.shape: the redirect/ },
  { rule: 'a token response holds access_token, token_type Bearer, expires_in and Cache-Control: no-store; a user login also a refresh_token, whose grant gives a working token', where: `${REF3} Auth (expires_in); ${REF4} Routes (refresh_token grant); RFC 6749 §5.1, §6`, checks: /^semantic\.oauth\.shape: a / },
  { rule: 'PKCE: a code issued with a code_challenge is exchanged only with the matching code_verifier (the mock)', where: 'docs/reference.md §7; RFC 7636 §4.6', checks: /^semantic\.oauth\.pkce: / },
  { rule: 'rate limits: X-RateLimit-* on every answer, counting down, Reset in epoch seconds, Retry-After on a 429', where: `${REF3} Rate limits`, checks: /^semantic\.rate-limit: / },
  { rule: 'rate limits are counted per client, whatever token it holds; another client’s calls do not count', where: `${REF3} Rate limits ("counted per client id")`, checks: /^semantic\.rate-limit\.per-client: / },
  { rule: 'fault injection: Prefer: code=… answers that documented status (the mock)', where: `${REF3} Fault injection`, checks: /^dredd\.[^:]+: .* > (429|500) >/ },
];
