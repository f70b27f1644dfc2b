/** Attachment blobs and the change stream. */
import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { ServerSentEventParser, type ServerSentEvent } from '../../../shared/sync/sse.ts';
import { streamChangeSchema, syncLimits, syncPaths } from '../../../shared/sync/protocol.ts';
import { syntheticCreditRecord } from '../../fixtures/creditRecords.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { createRows, http, type TestDevice, type TestPlatform } from '../harness.ts';
import { expectProblem } from './badInput.ts';

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function putBlob(device: TestDevice, hash: string, data: Uint8Array) {
  return device.request(syncPaths.blob(hash), {
    method: 'PUT',
    headers: { ...device.headers(), 'content-type': 'application/octet-stream' },
    body: data,
  });
}

/** An open stream, read with fetch as the app does. */
export async function openStream(device: TestDevice) {
  const controller = new AbortController();
  const response = await fetch(`${device.url}${syncPaths.stream}`, {
    headers: device.headers(),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new ServerSentEventParser();
  const queue: ServerSentEvent[] = [];
  let raw = '';
  const readChunk = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    raw += value;
    queue.push(...parser.push(value));
  };
  const next = async (): Promise<ServerSentEvent> => {
    while (queue.length === 0) await readChunk();
    return queue.shift()!;
  };
  /** Reads until the raw text received so far contains `text` (events read meanwhile stay queued). */
  const receive = async (text: string) => {
    while (!raw.includes(text)) await readChunk();
  };
  /** Resolves when the platform ends the stream (events still unread are dropped). */
  const ended = async () => {
    for (;;) {
      const { done } = await reader.read();
      if (done) return;
    }
  };
  return { next, receive, ended, close: () => controller.abort() };
}

export async function streamCount(env: TestPlatform): Promise<number> {
  const metrics = await http<string>(`${env.url}${syncPaths.metrics}`);
  return Number(/^creditdesk_sync_streams (\d+)$/m.exec(metrics.body)![1]);
}

export function defineBlobAndStreamTests(env: TestPlatform): void {
  test('blobs are verified, stored once, re-uploadable and readable', async () => {
    const device = await env.enroll(await env.newCounty());
    const data = randomBytes(300_000);
    const hash = sha256(data);
    const first = await putBlob(device, hash, data);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256: hash, size: data.length });
    expect((await putBlob(device, hash, data)).status).toBe(200);

    const read = await fetch(`${env.url}${syncPaths.blob(hash)}`, { headers: device.headers() });
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(data)).toBe(true);
    const head = await fetch(`${env.url}${syncPaths.blob(hash)}`, {
      method: 'HEAD',
      headers: device.headers(),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(data.length));

    const other = randomBytes(100);
    const mismatch = await putBlob(device, hash.replace(/^./, hash[0] === 'a' ? 'b' : 'a'), other);
    expectProblem(mismatch, 'blobHashMismatch');
    expect((mismatch.body as { details: { actual: string } }).details.actual).toBe(sha256(other));
    expectProblem(await putBlob(device, 'ABC', other), 'invalidBlobHash');
    expectProblem(
      await device.request(syncPaths.blob(sha256(other)), { headers: device.headers() }),
      'blobNotFound',
    );
    const tooBig = new Uint8Array(syncLimits.maxBlobBytes + 1);
    expectProblem(await putBlob(device, sha256(tooBig), tooBig), 'blobTooLarge');
    const empty = new Uint8Array(0);
    expect((await putBlob(device, sha256(empty), empty)).status).toBe(201);
  });

  test('a credit record may refer only to attachments its county has uploaded', async () => {
    const device = await env.enroll(await env.newCounty());
    const neighbour = await env.enroll(await env.newCounty());
    const scan = randomBytes(5_000);
    const attachment = {
      sha256: sha256(scan),
      name: '处罚决定书.pdf',
      mimeType: 'application/pdf',
      size: 5_000,
    };
    const record = syntheticCreditRecord(device.county, { attachments: [attachment] });
    await putBlob(neighbour, attachment.sha256, scan);
    const early = await device.push('creditRecords', createRows([record]));
    expect(early.body.rejected).toEqual([
      {
        id: record.id,
        issues: [
          { field: 'attachments.0', code: 'attachment.notUploaded', params: { sha256: attachment.sha256 } },
        ],
      },
    ]);
    expect(await device.pullAll('creditRecords')).toEqual([]);

    expect((await putBlob(device, attachment.sha256, scan)).status).toBe(201);
    expect((await device.push('creditRecords', createRows([record]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    expect((await device.pullAll('creditRecords')).map((doc) => doc.attachments)).toEqual([[attachment]]);
  });

  test('a county reads only the blobs it uploaded itself', async () => {
    const owner = await env.enroll(await env.newCounty());
    const stranger = await env.enroll(await env.newCounty());
    const data = randomBytes(2_000);
    const hash = sha256(data);
    await putBlob(owner, hash, data);
    expectProblem(
      await stranger.request(syncPaths.blob(hash), { headers: stranger.headers() }),
      'blobNotFound',
    );
    const head = await fetch(`${env.url}${syncPaths.blob(hash)}`, {
      method: 'HEAD',
      headers: stranger.headers(),
    });
    expect(head.status).toBe(404);
    expect((await putBlob(stranger, hash, data)).status).toBe(201);
    expect((await stranger.request(syncPaths.blob(hash), { headers: stranger.headers() })).status).toBe(200);
  });

  test('the stream says RESYNC on connect and which collection changed, per county', async () => {
    const countyA = await env.newCounty();
    const countyB = await env.newCounty();
    const listenerA = await env.enroll(countyA);
    const writerA = await env.enroll(countyA);
    const listenerB = await env.enroll(countyB);
    const writerB = await env.enroll(countyB);
    const before = await streamCount(env);
    const streamA = await openStream(listenerA);
    const streamB = await openStream(listenerB);
    try {
      expect(await streamA.next()).toEqual({ event: 'RESYNC', data: '{}' });
      expect(await streamB.next()).toEqual({ event: 'RESYNC', data: '{}' });
      expect(await streamCount(env)).toBe(before + 2);

      await writerA.push('subjects', createRows([syntheticSubject(countyA)]));
      const sequenceA = (await listenerA.pull('subjects')).body.checkpoint!.sequence;
      await writerB.push('subjects', createRows([syntheticSubject(countyB)]));
      const sequenceB = (await listenerB.pull('subjects')).body.checkpoint!.sequence;

      const changeA = await streamA.next();
      expect(changeA.event).toBe('change');
      expect(streamChangeSchema.parse(JSON.parse(changeA.data))).toEqual({
        collection: 'subjects',
        sequence: sequenceA,
      });
      // County B's stream never carried county A's change: its first change is its own.
      const changeB = await streamB.next();
      expect(JSON.parse(changeB.data)).toEqual({ collection: 'subjects', sequence: sequenceB });

      // Heartbeat comments keep the connection open (every 100 ms in this suite); events ignore them.
      await streamA.receive(': heartbeat\n\n');
    } finally {
      streamA.close();
      streamB.close();
    }
    await expect.poll(() => streamCount(env), { timeout: 5_000 }).toBe(before);
  });
}
