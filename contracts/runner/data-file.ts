/**
 * `--data FILE`: facts of a real test environment that a run cannot arrange there itself (it
 * cannot seed customers without the mock's admin API), so the rules that need them are checked
 * there too instead of skipped. Every fact is optional; the file is checked before the run starts.
 *
 * @example
 * {
 *   "phoneSharedByMoreThanFive": "+4722000000",
 *   "customersAtOneAddress": { "search": { "lastName": "Hansen", "streetAddress": "Storgata", "postalCode": "0155" },
 *                              "customerNumbers": [100234, 100871] },
 *   "productHolder": { "customerNumber": 100234, "productCode": "CO27409", "phoneNumber": "+4791234567" }
 * }
 */
import { readFileSync } from 'node:fs';

export interface EnvironmentData {
  /** A phone number more than five customers share: a search by it must answer 403. */
  phoneSharedByMoreThanFive?: string;
  /** A name/address search that finds two to five customers: exactly these, in number order. */
  customersAtOneAddress?: { search: Record<string, string>; customerNumbers: number[] };
  /** A customer holding a product, with a phone number of its own to search by. */
  productHolder?: { customerNumber: number; productCode: string; phoneNumber: string };
}

const KNOWN = ['phoneSharedByMoreThanFive', 'customersAtOneAddress', 'productHolder'];
const E164 = /^\+[1-9][0-9]{1,14}$/;

export function readDataFile(path: string): EnvironmentData {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot be read as JSON (${(error as Error).message})`, { cause: error });
  }
  if (!isObject(value)) throw new Error('must hold a JSON object');
  const unknown = Object.keys(value).filter((key) => !KNOWN.includes(key));
  if (unknown.length) throw new Error(`unknown fact ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${KNOWN.join(', ')}`);
  const data: EnvironmentData = {};
  if (value.phoneSharedByMoreThanFive !== undefined) data.phoneSharedByMoreThanFive = phone(value.phoneSharedByMoreThanFive, 'phoneSharedByMoreThanFive');
  if (value.customersAtOneAddress !== undefined) data.customersAtOneAddress = atOneAddress(value.customersAtOneAddress);
  if (value.productHolder !== undefined) data.productHolder = productHolder(value.productHolder);
  return data;
}

function atOneAddress(value: unknown): NonNullable<EnvironmentData['customersAtOneAddress']> {
  const where = 'customersAtOneAddress';
  if (!isObject(value) || !isObject(value.search)) throw new Error(`${where}.search must be an object of search fields`);
  const search = value.search;
  if (!Object.values(search).every((v) => typeof v === 'string')) throw new Error(`${where}.search: every field must be a string`);
  const numbers = value.customerNumbers;
  if (!Array.isArray(numbers) || numbers.length < 2 || numbers.length > 5 || !numbers.every(isCustomerNumber)) {
    throw new Error(`${where}.customerNumbers must list the 2 to 5 customer numbers the search finds`);
  }
  return { search: search as Record<string, string>, customerNumbers: [...(numbers as number[])].sort((a, b) => a - b) };
}

function productHolder(value: unknown): NonNullable<EnvironmentData['productHolder']> {
  const where = 'productHolder';
  if (!isObject(value)) throw new Error(`${where} must be {customerNumber, productCode, phoneNumber}`);
  if (!isCustomerNumber(value.customerNumber)) throw new Error(`${where}.customerNumber must be a whole number of at least 1`);
  if (typeof value.productCode !== 'string' || !value.productCode) throw new Error(`${where}.productCode must be a product code`);
  return { customerNumber: value.customerNumber, productCode: value.productCode, phoneNumber: phone(value.phoneNumber, `${where}.phoneNumber`) };
}

function phone(value: unknown, where: string): string {
  if (typeof value !== 'string' || !E164.test(value)) throw new Error(`${where} must be an E.164 phone number such as +4712345678`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCustomerNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}
