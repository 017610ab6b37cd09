/**
 * Searches that pass every example a suite might try and break a rule for one field: a field
 * dropped from the filter, the five-result limit counted before the filters.
 */
import type { Breakage } from '../wrap-mock.ts';
import { apiError, isSearch, json, type BrokenServer } from './broken-server.ts';

/** `departmentName` is validated (it is in the spec) and then not used to filter. */
const ignoresDepartmentName: Breakage = {
  request: async (req, forward) => {
    const body = isSearch(req) ? json(req.body) : undefined;
    if (!body || !('departmentName' in body)) return req;
    const checked = await forward(req);
    if (checked.status !== 200) return checked;
    const { departmentName: _ignored, ...rest } = body;
    return { ...req, body: JSON.stringify(rest) };
  },
};

/**
 * The 5-result limit applied to the phone's matches (after the product filter, which the index
 * also holds), before any other field narrows them: six sharing a phone are 403 whatever else is asked.
 */
const limitBeforeFilters: Breakage = {
  request: async (req, forward) => {
    const body = isSearch(req) ? json(req.body) : undefined;
    if (!body || typeof body.phoneNumber !== 'string') return req;
    const answer = await forward(req);
    if (answer.status !== 200) return answer;
    const first = { phoneNumber: body.phoneNumber, ...(body.productCode === undefined ? {} : { productCode: body.productCode }) };
    const pre = await forward({ ...req, body: JSON.stringify(first) });
    return json(pre.body)?.exceptionType === 'TooManyResultsException' ? apiError(403, 'TooManyResultsException', 'More than 5 customers match; narrow the search.') : answer;
  },
};

export const SEARCH_FIELD_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'a search that ignores departmentName', breakage: ignoresDepartmentName, caughtBy: 'semantic.search.fields: departmentName: a value differing only in departmentName leaves the customer out' },
  { breaks: 'the five-result limit counted before the filters (after the product code only)', breakage: limitBeforeFilters, caughtBy: 'semantic.search.limit: the five-result limit is counted after the lastName filter' },
];
