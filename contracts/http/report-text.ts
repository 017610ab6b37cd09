const REPORT_BODY_LIMIT = 2000;

/** Reports are published by CI: a bearer in them would leak a live token. */
export function redact(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^(authorization|x-admin-token)$/i.test(name) ? `${value.slice(0, 13)}…` : value;
  }
  return out;
}

/** A body cut to what a report can show. */
export function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= REPORT_BODY_LIMIT) return text;
  return `${text.slice(0, REPORT_BODY_LIMIT)}… (${text.length} characters)`;
}
