/**
 * The answer-time histogram as a metric of a prom-client `Registry`: prom-client's own `Histogram`
 * can only be fed one observation at a time (hashing its labels each time), while the counts are
 * kept in request-counts.ts; this hands them over in the shape the registry writes, the one
 * prom-client's `Histogram.get()` returns (`_bucket` lines with `le`, cumulative, then `_sum` and
 * `_count`).
 */
import type { Metric } from 'prom-client';
import { DURATION_BUCKETS, type ContextSeries } from './request-counts.ts';

interface Sample {
  value: number;
  labels: Record<string, string | number>;
  metricName: string;
}

export function durationHistogram(name: string, help: string, contexts: () => Iterable<ContextSeries>): Metric {
  const metric = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get: () => {
      const values: Sample[] = [];
      for (const context of contexts()) {
        for (const series of context.routes.values()) {
          if (series.skipped || series.count === 0) continue;
          const labels = { operation: series.operation, session: context.session };
          let cumulative = 0;
          for (let i = 0; i <= DURATION_BUCKETS.length; i++) {
            cumulative += series.buckets[i]!;
            const le = i < DURATION_BUCKETS.length ? DURATION_BUCKETS[i]! : '+Inf';
            values.push({ value: cumulative, labels: { ...labels, le }, metricName: `${name}_bucket` });
          }
          values.push({ value: series.sum, labels, metricName: `${name}_sum` }, { value: series.count, labels, metricName: `${name}_count` });
        }
      }
      return Promise.resolve({ name, help, type: 'histogram', aggregator: 'sum', values });
    },
  };
  return metric as unknown as Metric;
}
