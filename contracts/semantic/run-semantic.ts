import type { CheckResult } from '../runner/results.ts';
import type { Target } from '../runner/target.ts';
import { AUTH_CHECKS } from './auth-checks.ts';
import { runChecks, type SemanticCheck } from './check.ts';
import { CLIENT_INFO_CHECKS } from './client-info-checks.ts';
import { CREDENTIALS_CHECKS } from './credentials-checks.ts';
import { BODY_SIZE_CHECKS } from './body-size-checks.ts';
import { CONSTRAINT_CHECKS } from './constraints/constraint-checks.ts';
import { OAUTH_CHECKS } from './oauth-checks.ts';
import { RATE_LIMIT_BEHAVIOUR_CHECKS, RATE_LIMIT_CHECKS } from './rate-limit-checks.ts';
import { ROBUSTNESS_CHECKS } from './robustness-checks.ts';
import { SEARCH_CHECKS } from './search-checks.ts';
import { UPDATE_CHECKS } from './update-checks.ts';
import { OAUTH_SHAPE_CHECKS } from './rules/oauth-shape-checks.ts';
import { PKCE_CHECKS } from './rules/pkce-checks.ts';
import { RATE_LIMIT_CLIENT_CHECKS } from './rules/rate-limit-client-checks.ts';
import { REQUEST_FORM_CHECKS } from './rules/request-form-checks.ts';
import { SEARCH_FIELD_CHECKS } from './rules/search-field-checks.ts';
import { UPDATE_READ_BACK_CHECKS } from './rules/update-read-back-checks.ts';

/** Every semantic check, in the order they run; the writing ones last. */
export const SEMANTIC_CHECKS: SemanticCheck[] = [
  ...AUTH_CHECKS,
  ...OAUTH_CHECKS,
  ...OAUTH_SHAPE_CHECKS,
  ...PKCE_CHECKS,
  ...CLIENT_INFO_CHECKS,
  ...CREDENTIALS_CHECKS,
  ...SEARCH_CHECKS,
  ...SEARCH_FIELD_CHECKS,
  ...RATE_LIMIT_CHECKS,
  ...RATE_LIMIT_BEHAVIOUR_CHECKS,
  ...RATE_LIMIT_CLIENT_CHECKS,
  ...ROBUSTNESS_CHECKS,
  ...REQUEST_FORM_CHECKS,
  ...CONSTRAINT_CHECKS,
  ...BODY_SIZE_CHECKS,
  ...UPDATE_CHECKS,
  ...UPDATE_READ_BACK_CHECKS,
];

export function runSemantic(target: Target, onResult?: (result: CheckResult) => void): Promise<CheckResult[]> {
  return runChecks(SEMANTIC_CHECKS, target, onResult);
}
