/**
 * The families that vary the rest of the request (path parameters, credentials, `Prefer`), and
 * the list of families per operation, with a written reason for each family a run must skip.
 */
import fc from 'fast-check';
import { validBody, validFamily, schemaInvalidFamily, malformedFamily, badBytesFamily, oversizeFamily, contentTypeFamily } from './body-families.ts';
import { familyId, type Family, type FamilyContext, type FamilyName, type SkippedFamily } from './family.ts';
import type { Expectation, FuzzCase } from './fuzz-case.ts';
import { expectBody, paramErrors } from './oracle.ts';
import { parseLikeAServer } from './raw-bodies.ts';
import { buildRequest, tokenFor, wrongKindToken, type RequestParts } from './request-builder.ts';
import { validValue } from './schema-values.ts';

/** A valid request's parts: a valid body (if any) and valid path values. */
function validParts(ctx: FamilyContext): fc.Arbitrary<{ parts: RequestParts; expect: Expectation }> {
  const { operation } = ctx.validators;
  const segments = fc.record(Object.fromEntries(operation.parameters.filter((p) => p.in === 'path')
    .map((p) => [p.name, validValue(ctx.doc, p.schema, p.example).map((v) => String(v))])));
  return fc.tuple(validBody(ctx), segments).map(([value, pathValues]) => {
    const body = value === undefined ? undefined : JSON.stringify(value);
    const pathSegments = Object.fromEntries(Object.entries(pathValues).map(([k, v]) => [k, encodeURIComponent(v)]));
    const facts = body === undefined ? { absent: true } : { parsed: parseLikeAServer(body) };
    return { parts: { body, pathSegments }, expect: expectBody(ctx.validators, facts, pathValues) };
  });
}

/** Values a path parameter should refuse, or that only a careless server would mishandle. */
export const PATH_VALUES = [
  'abc', '0', '-1', '1.5', '1e3', '0x10', '%201', '1%20', '%00', '..', '%2e%2e', '%F0%9F%98%80', '%E2%80%AE1',
  '99999999999999999999999', '1e400', 'NaN', 'Infinity', 'null', 'true', '1%2F2', '-0', '+1', '01', '%D9%A3', '%',
  '%zz', '%C0%AF', '1;2', '1,2',
];

export function pathFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> | undefined {
  const { operation } = ctx.validators;
  const param = operation.parameters.find((p) => p.in === 'path');
  if (!param) return undefined;
  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PATH_VALUES) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map(encodeURIComponent) },
  );
  return segment.map((raw) => ({
    operationId: operation.operationId,
    request: buildRequest(operation, ctx.credentials, { pathSegments: { [param.name]: raw } }),
    expect: expectPath(ctx, param.name, raw),
    note: `${param.name} = ${raw}`,
  }));
}

function expectPath(ctx: FamilyContext, name: string, raw: string): Expectation {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'invalid', why: `${raw} is not valid percent-encoding` };
  }
  const problem = paramErrors(ctx.validators, { [name]: decoded });
  return problem ? { kind: 'invalid', why: problem } : expectBody(ctx.validators, { absent: true }, { [name]: decoded });
}

/** Authorization headers that carry no usable bearer (RFC 6750 §2.1), including the client's Basic credentials. */
const BAD_AUTHORIZATION = ['Bearer', 'Bearer ', 'Bearer  ', 'Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=', 'Digest x', 'null', 'Bearer null', 'Bearer undefined'];

/** Missing, malformed and wrong-kind credentials: 401, or 403 for a valid token of the other mode (RFC 6750 §3.1). */
export function authFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  const { operation } = ctx.validators;
  const token = tokenFor(operation, ctx.credentials);
  const other = wrongKindToken(operation, ctx.credentials);
  const garbage = fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,40}=*$/);
  const variants: Array<fc.Arbitrary<[string | null, 401 | 403, string]>> = [
    fc.constant([null, 401, 'no Authorization header']),
    garbage.map((t) => [`Bearer ${t}`, 401, 'an unknown bearer token']),
    fc.constantFrom(...BAD_AUTHORIZATION).map((h) => [h, 401, `Authorization: ${h}`]),
  ];
  if (token) {
    const tampered = [`Token ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Bearer ${token},${token}`];
    variants.push(fc.constantFrom(...tampered).map((h) => [h, 401, 'a tampered or mis-schemed token']));
  }
  const otherKind = operation.tokenKind === 'user' ? 'client' : 'user';
  if (other) variants.push(fc.constant([`Bearer ${other}`, 403, `a ${otherKind} token on a ${operation.tokenKind}-mode endpoint`]));
  return fc.tuple(validParts(ctx), fc.oneof(...variants)).map(([{ parts }, [authorization, status, why]]) => ({
    operationId: operation.operationId,
    request: buildRequest(operation, ctx.credentials, { ...parts, authorization }),
    expect: { kind: 'auth', status, why },
    note: why,
  }));
}

/** `Prefer: code=N` for each documented status (the Prism convention, contracts/README.md). */
export function preferFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  const { operation } = ctx.validators;
  const codes = Object.keys(operation.responses).filter((s) => /^\d{3}$/.test(s)).map(Number);
  return fc.tuple(validParts(ctx), fc.constantFrom(...codes)).map(([{ parts }, code]) => ({
    operationId: operation.operationId,
    request: buildRequest(operation, ctx.credentials, { ...parts, headers: { prefer: `code=${code}` } }),
    expect: { kind: 'prefer', status: code, why: `Prefer: code=${code}` },
    note: `Prefer: code=${code}`,
  }));
}

/** The valid family with every path value and body it needs (the body families cover bodies only). */
function validRequestFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  const { operation } = ctx.validators;
  if (operation.parameters.length === 0) return validFamily(ctx);
  return validParts(ctx).map(({ parts, expect }) => ({
    operationId: operation.operationId,
    request: buildRequest(operation, ctx.credentials, parts),
    expect,
    note: `valid path ${JSON.stringify(parts.pathSegments)}`,
  }));
}

type Builder = (ctx: FamilyContext) => fc.Arbitrary<FuzzCase> | undefined;

/** Family, builder, weight (share of the request budget) and an optional cap on runs. */
const FAMILIES: Array<[FamilyName, Builder, number, number?]> = [
  ['valid', validRequestFamily, 4],
  ['schema-invalid', schemaInvalidFamily, 4],
  ['malformed-json', (ctx) => (ctx.validators.operation.requestBody ? malformedFamily(ctx) : undefined), 2],
  ['content-type', (ctx) => (ctx.validators.operation.requestBody ? contentTypeFamily(ctx) : undefined), 1],
  ['bad-bytes', badBytesFamily, 0.5],
  ['oversize', (ctx) => (ctx.validators.operation.requestBody ? oversizeFamily(ctx) : undefined), 0.2, 8],
  ['path-params', pathFamily, 3],
  ['auth', authFamily, 1.5],
  ['prefer', preferFamily, 0.5],
];

export function familiesFor(ctx: FamilyContext): { families: Family[]; skipped: SkippedFamily[] } {
  const { operation } = ctx.validators;
  const families: Family[] = [];
  const skipped: SkippedFamily[] = [];
  for (const [name, build, weight, maxRuns] of FAMILIES) {
    const id = familyId(operation.operationId, name);
    const reason = skipReason(ctx, name);
    const arbitrary = build(ctx);
    if (!arbitrary) continue;
    if (reason) skipped.push({ id, reason });
    else families.push({ id, operationId: operation.operationId, name, weight, ...(maxRuns ? { maxRuns } : {}), arbitrary });
  }
  return { families, skipped };
}

function skipReason(ctx: FamilyContext, name: FamilyName): string | undefined {
  const { operation } = ctx.validators;
  if (name === 'auth') return undefined;
  if (!tokenFor(operation, ctx.credentials)) {
    return operation.tokenKind === 'user'
      ? 'no user token: pass --user-token, or use a target with POST /__admin/tokens'
      : 'no client token: the token URL gave none; check --client-id/--client-secret or pass --client-token';
  }
  if (operation.method !== 'get' && operation.tokenKind === 'user' && !ctx.allowWrites) {
    return 'it would change the user\'s customer data: pass --allow-writes (the mock is always allowed)';
  }
  if (name === 'prefer' && !ctx.honoursPrefer) return 'Prefer: code= is a mock convention; the target has no /__admin, so it is not the mock';
  return undefined;
}
