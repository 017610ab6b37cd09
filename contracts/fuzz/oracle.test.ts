import { describe, expect, it } from 'vitest';
import { specValidators } from '../../spec/index.ts';
import { expectBody } from './oracle.ts';
import { BODY_LIMIT, parseLikeAServer } from './raw-bodies.ts';

const ops = specValidators().operations;
const update = ops.get('updateCustomerInfo');
const search = ops.get('searchCustomers');
const byNumber = ops.get('getClientCustomerInfo');
if (!update || !search || !byNumber) throw new Error('the spec lost an operation');

const json = (text: string) => ({ parsed: parseLikeAServer(text) });

describe('expectBody', () => {
  it('expects an update with a null body or no body to be accepted (contracts/README.md)', () => {
    expect(expectBody(update, json('null'))).toMatchObject({ kind: 'valid', accept: [200] });
    expect(expectBody(update, { absent: true })).toMatchObject({ kind: 'valid', accept: [200] });
  });

  it('expects a search without a body to be refused, since its body is required', () => {
    expect(expectBody(search, { absent: true })).toMatchObject({ kind: 'invalid' });
  });

  it('expects broken JSON to be refused', () => {
    expect(expectBody(search, json('{"phoneNumber":'))).toMatchObject({ kind: 'invalid', why: 'the body is not JSON' });
  });

  it('judges duplicate keys by the last one, as JSON.parse does', () => {
    expect(expectBody(search, json('{"email":1,"email":"ola@hotmail.no"}'))).toMatchObject({ kind: 'valid' });
  });

  it('expects a body over 1 MiB to be refused even when its JSON is valid', () => {
    expect(expectBody(search, { ...json('{"email":"ola@hotmail.no"}'), size: BODY_LIMIT + 1 })).toMatchObject({ kind: 'invalid' });
    expect(expectBody(search, { ...json('{"email":"ola@hotmail.no"}'), size: BODY_LIMIT })).toMatchObject({ kind: 'valid' });
  });

  it('expects an own __proto__ key to be refused where the schema is closed', () => {
    expect(expectBody(search, json('{"__proto__":{"polluted":true},"email":"ola@hotmail.no"}'))).toMatchObject({ kind: 'invalid' });
  });

  it('reads a huge number as the double JSON.parse makes of it', () => {
    expect(expectBody(search, json('{"phoneNumber":"+4712345678","streetNumber":1e400}'))).toMatchObject({ kind: 'invalid' });
    expect(expectBody(search, json('{"phoneNumber":"+4712345678","streetNumber":1e20}'))).toMatchObject({ kind: 'valid' });
  });

  it('classifies path values with the coercing parameter validator the mock uses', () => {
    expect(expectBody(byNumber, { absent: true }, { customerNumber: '0' })).toMatchObject({ kind: 'invalid' });
    expect(expectBody(byNumber, { absent: true }, { customerNumber: '1.5' })).toMatchObject({ kind: 'invalid' });
    expect(expectBody(byNumber, { absent: true }, { customerNumber: '563457' })).toMatchObject({ kind: 'valid', accept: [200, 404] });
  });
});
