/** Simulated devices for the platform benchmark: HTTP helpers and the concurrent-client load phase. */
import { collectionPlan } from '../shared/base/collections.ts';
import type { SubjectDocument } from '../shared/subjects/model.ts';
import {
  type EnrollResponse,
  formatCheckpointParam,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type SyncCheckpoint,
  syncHeaders,
  syncPaths,
  syncProtocolVersion,
} from '../shared/sync/protocol.ts';
import { syntheticSubject } from '../server/fixtures/subjects.ts';

export interface BenchDevice {
  url: string;
  token: string;
  county: string;
}

function headers(device: BenchDevice | null): Record<string, string> {
  const result: Record<string, string> = {
    [syncHeaders.protocol]: String(syncProtocolVersion),
    [syncHeaders.schemaVersion]: String(collectionPlan.subjects.schemaVersion),
    'accept-encoding': 'gzip',
  };
  if (device) result.authorization = `Bearer ${device.token}`;
  return result;
}

async function expectJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export async function enroll(url: string, code: string, county: string, name: string): Promise<BenchDevice> {
  const response = await fetch(`${url}${syncPaths.enroll}`, {
    method: 'POST',
    headers: { ...headers(null), 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: name }),
  });
  const enrolled = await expectJson<EnrollResponse>(response);
  return { url, token: enrolled.token, county };
}

export async function push(device: BenchDevice, rows: PushRow[]): Promise<PushResponse> {
  const response = await fetch(`${device.url}${syncPaths.push('subjects')}`, {
    method: 'POST',
    headers: { ...headers(device), 'content-type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  return expectJson<PushResponse>(response);
}

export async function pull(
  device: BenchDevice,
  checkpoint: SyncCheckpoint | null,
  limit: number,
): Promise<PullResponse> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) query.set('checkpoint', formatCheckpointParam(checkpoint));
  const response = await fetch(`${device.url}${syncPaths.pull('subjects')}?${query}`, {
    headers: headers(device),
  });
  return expectJson<PullResponse>(response);
}

export function createRows(subjects: readonly SubjectDocument[]): PushRow[] {
  return subjects.map((subject) => ({ newDocumentState: { ...subject, _deleted: false } }));
}

/**
 * Holds the device's event stream open and counts the events it receives, as a running app does;
 * `close` ends it. A stream the platform refuses or ends counts as an error.
 */
export function holdStream(device: BenchDevice, onError: (message: string) => void) {
  const controller = new AbortController();
  let events = 0;
  const reading = (async () => {
    const response = await fetch(`${device.url}${syncPaths.stream}`, {
      headers: headers(device),
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`stream HTTP ${response.status}: ${await response.text()}`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      events += (value.match(/^event: /gm) ?? []).length;
    }
    throw new Error('stream ended by the platform');
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) onError(String(error));
  });
  return {
    get events() {
      return events;
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}

export interface LoadOptions {
  devices: BenchDevice[];
  rounds: number;
  /** Stop starting rounds after this long. */
  timeLimitMs: number;
  /** Documents each push carries. */
  batchSize: number;
  /** Pause between a device's rounds, drawn uniformly from [0, thinkMs]. */
  thinkMs: number;
  /** Whether every device holds its event stream open meanwhile. */
  streams: boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstErrors: string[];
  latenciesMs: number[];
  wallMs: number;
  /** CPU time this (client) process used during the run: the load generator shares the machine. */
  clientCpuMs: number;
  pushedDocuments: number;
  pulledDocuments: number;
  /** Change events the devices' open streams received. */
  streamEvents: number;
}

/**
 * Every device holds its event stream open and runs rounds of: push a small batch of new subjects (plus
 * an edit of one it pushed before), then pull its county's feed from its checkpoint. All devices start
 * together.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {
    requests: 0,
    errors: 0,
    firstErrors: [],
    latenciesMs: [],
    wallMs: 0,
    clientCpuMs: 0,
    pushedDocuments: 0,
    pulledDocuments: 0,
    streamEvents: 0,
  };
  const noteError = (message: string) => {
    result.errors++;
    if (result.firstErrors.length < 5) result.firstErrors.push(message);
  };
  const streams = options.streams ? options.devices.map((device) => holdStream(device, noteError)) : [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const timed = async <T>(work: () => Promise<T>): Promise<T | null> => {
    const begin = performance.now();
    try {
      const value = await work();
      result.latenciesMs.push(performance.now() - begin);
      return value;
    } catch (error) {
      result.latenciesMs.push(performance.now() - begin);
      noteError(String(error));
      return null;
    } finally {
      result.requests++;
    }
  };

  await Promise.all(
    options.devices.map(async (device) => {
      let checkpoint: SyncCheckpoint | null = null;
      let previous: SubjectDocument | null = null;
      // Devices come online spread over one think time, not in the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * options.thinkMs));
      for (let round = 0; round < options.rounds; round++) {
        if (performance.now() - started > options.timeLimitMs) break;
        const subjects = Array.from({ length: options.batchSize }, () => syntheticSubject(device.county));
        const rows = createRows(subjects);
        if (previous) {
          const edited: SubjectDocument = { ...previous, phone: `1380000${String(round).padStart(4, '0')}` };
          rows.push({
            newDocumentState: { ...edited, _deleted: false },
            assumedMasterState: { ...previous, _deleted: false },
          });
          previous = edited;
        } else {
          previous = subjects[0]!;
        }
        const pushed = await timed(() => push(device, rows));
        if (pushed) {
          if (pushed.conflicts.length > 0 || pushed.rejected.length > 0) {
            noteError(`push refused: ${JSON.stringify(pushed).slice(0, 300)}`);
          }
          result.pushedDocuments += rows.length;
        }
        for (;;) {
          const page = await timed(() => pull(device, checkpoint, 500));
          if (!page) break;
          result.pulledDocuments += page.documents.length;
          checkpoint = page.checkpoint;
          if (page.documents.length < 500) break;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * options.thinkMs));
      }
    }),
  );
  result.wallMs = performance.now() - started;
  for (const stream of streams) {
    result.streamEvents += stream.events;
    await stream.close();
  }
  const cpu = process.cpuUsage(cpuBefore);
  result.clientCpuMs = (cpu.user + cpu.system) / 1000;
  return result;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
