/** A small Prometheus registry: labelled counters, gauges read on demand and histograms, in text format 0.0.4. */

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escaped = entries.map(
    ([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`,
  );
  return `{${escaped.join(',')}}`;
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface Metric {
  render(): string[];
}

export class Counter implements Metric {
  readonly name: string;
  readonly help: string;
  #values = new Map<string, { labels: Labels; value: number }>();

  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }

  inc(labels: Labels = {}, amount = 1): void {
    if (amount === 0) return;
    const key = labelKey(labels);
    const entry = this.#values.get(key);
    if (entry) entry.value += amount;
    else this.#values.set(key, { labels, value: amount });
  }

  get(labels: Labels = {}): number {
    return this.#values.get(labelKey(labels))?.value ?? 0;
  }

  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} counter`,
      ...[...this.#values.values()].map(({ labels, value }) => `${this.name}${labelText(labels)} ${value}`),
    ];
  }
}

export class Gauge implements Metric {
  readonly name: string;
  readonly help: string;
  readonly read: () => number;

  constructor(name: string, help: string, read: () => number) {
    this.name = name;
    this.help = help;
    this.read = read;
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`];
  }
}

export class Histogram implements Metric {
  readonly name: string;
  readonly help: string;
  readonly buckets: readonly number[];
  #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(name: string, help: string, buckets: readonly number[]) {
    this.name = name;
    this.help = help;
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let series = this.#series.get(key);
    if (!series) {
      series = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) series.counts[i]!++;
    series.sum += value;
    series.count++;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.#series.values()) {
      this.buckets.forEach((bound, i) => {
        lines.push(`${this.name}_bucket${labelText({ ...labels, le: String(bound) })} ${counts[i]}`);
      });
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

/** The platform's metrics. */
export class PlatformMetrics {
  readonly requests = new Counter(
    'creditdesk_http_requests_total',
    'HTTP requests by method, route and status.',
  );
  readonly latency = new Histogram(
    'creditdesk_http_request_duration_seconds',
    'Time to answer HTTP requests, by route.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );
  readonly pushed = new Counter(
    'creditdesk_sync_pushed_documents_total',
    'Pushed documents by collection and outcome (written, unchanged, conflict, rejected).',
  );
  readonly pulled = new Counter(
    'creditdesk_sync_pulled_documents_total',
    'Documents served by pulls, by collection.',
  );
  readonly blobsStored = new Counter(
    'creditdesk_blob_uploads_total',
    'Blob uploads by outcome (stored, present).',
  );
  readonly refusals = new Counter(
    'creditdesk_sync_refusals_total',
    'Pushed documents refused for their authors or for changing the audit trail, by collection and code.',
  );
  readonly auditProblems = new Counter(
    'creditdesk_audit_problems_total',
    'Problems found verifying audit chains on arrival, by code (see the audit problems endpoint).',
  );
  readonly signInFailures = new Counter(
    'creditdesk_sign_in_failures_total',
    'Failed sign-ins by kind (operator password, enrollment code).',
  );
  readonly signInRefusals = new Counter(
    'creditdesk_sign_in_refusals_total',
    'Sign-in attempts refused unchecked because of earlier failures, by kind and reason (throttled, locked).',
  );
  readonly #extra: Metric[] = [];

  addGauge(name: string, help: string, read: () => number): void {
    this.#extra.push(new Gauge(name, help, read));
  }

  render(): string {
    const metrics: Metric[] = [
      this.requests,
      this.latency,
      this.pushed,
      this.pulled,
      this.blobsStored,
      this.refusals,
      this.auditProblems,
      this.signInFailures,
      this.signInRefusals,
      ...this.#extra,
    ];
    return `${metrics.flatMap((metric) => metric.render()).join('\n')}\n`;
  }
}
