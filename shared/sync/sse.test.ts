import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ServerSentEventParser } from './sse.ts';

const stream =
  'retry: 3000\nevent: RESYNC\ndata: {}\n\n: heartbeat\n\nevent: change\r\ndata: {"collection":"subjects",\r\ndata: "sequence":4}\r\n\r\nid: 9\ndata:plain\n\n';
const expected = [
  { event: 'RESYNC', data: '{}' },
  { event: 'change', data: '{"collection":"subjects",\n"sequence":4}' },
  { event: 'message', data: 'plain', id: '9' },
];

describe('server-sent event parser', () => {
  test('parses events, multi-line data, ids and CRLF; ignores comments and retry', () => {
    expect(new ServerSentEventParser().push(stream)).toEqual(expected);
  });

  test('an event without data is not dispatched', () => {
    expect(new ServerSentEventParser().push('event: change\n\n')).toEqual([]);
  });

  test('gives the same events however the text is split into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parser = new ServerSentEventParser();
        const events = [];
        let start = 0;
        for (const point of [...points, stream.length]) {
          events.push(...parser.push(stream.slice(start, point)));
          start = point;
        }
        expect(events).toEqual(expected);
      }),
    );
  });
});
