/**
 * Test support: `/metrics` read back through a Prometheus text-format parser
 * (`parse-prometheus-text-format`, a port of the Prometheus Python client's parser, which throws
 * on a line that is not the format), so a test checks the text as a scraper reads it.
 */
// @ts-expect-error: the package ships no types; its one function is typed here.
import parseUntyped from 'parse-prometheus-text-format';

interface ParsedFamily {
  name: string;
  type: string;
  metrics: Array<{ value?: string; labels?: Record<string, string>; count?: string; sum?: string; buckets?: Record<string, string> }>;
}

const parse = parseUntyped as (text: string) => ParsedFamily[];

export interface Scrape {
  text: string;
  families: ParsedFamily[];
}

export async function scrape(baseUrl: string, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`, { headers });
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  const text = await response.text();
  return { text, families: parse(text) };
}

/** The value of the sample of `family` whose labels include `labels`; 0 when there is none. */
export function sample(scraped: Scrape, family: string, labels: Record<string, string> = {}): number {
  const found = scraped.families.find((entry) => entry.name === family);
  const metric = found?.metrics.find((entry) => Object.entries(labels).every(([name, value]) => (entry.labels?.[name] ?? '') === value));
  return metric?.value === undefined ? 0 : Number(metric.value);
}

/**
 * The count of one series of a histogram. The parser reads a histogram's `_count` and `_sum` only
 * when they carry no labels (it merges every series into one), so it is given the family's head
 * and the lines of that one series, with every label but `le` taken off.
 */
export function histogramCount(scraped: Scrape, family: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([name, value]) => `${name}="${value}"`);
  const lines = scraped.text
    .split('\n')
    .filter((line) => line.startsWith(`# HELP ${family} `) || line.startsWith(`# TYPE ${family} `) || (line.startsWith(`${family}_`) && wanted.every((label) => line.includes(label))))
    .map((line) => (line.startsWith('#') ? line : line.replace(/\{([^}]*)\}/, (_all, inner: string) => onlyLe(inner))));
  const [parsed] = parse(`${lines.join('\n')}\n`);
  return Number(parsed?.metrics[0]?.count ?? 0);
}

export function familyType(scraped: Scrape, family: string): string | undefined {
  return scraped.families.find((entry) => entry.name === family)?.type.toLowerCase();
}

function onlyLe(labels: string): string {
  const le = labels.split(',').filter((label) => label.startsWith('le='));
  return le.length > 0 ? `{${le.join(',')}}` : '';
}
