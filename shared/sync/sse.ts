/**
 * An incremental Server-Sent Events parser (WHATWG event-stream format) for clients that read the sync
 * stream with fetch, since EventSource cannot send an Authorization header.
 */

export interface ServerSentEvent {
  /** The `event:` field; 'message' when absent. */
  event: string;
  data: string;
  id?: string;
}

export class ServerSentEventParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id: string | undefined;

  /** Feeds decoded text; returns the events completed by it. */
  push(chunk: string): ServerSentEvent[] {
    this.#buffer += chunk;
    const events: ServerSentEvent[] = [];
    let lineEnd = this.#buffer.search(/\r\n|\r|\n/);
    while (lineEnd !== -1) {
      // A lone \r at the end of the buffer may be the first half of \r\n: wait for more text.
      if (this.#buffer[lineEnd] === '\r' && lineEnd === this.#buffer.length - 1) break;
      const line = this.#buffer.slice(0, lineEnd);
      const separatorLength = this.#buffer.startsWith('\r\n', lineEnd) ? 2 : 1;
      this.#buffer = this.#buffer.slice(lineEnd + separatorLength);
      const event = this.#line(line);
      if (event) events.push(event);
      lineEnd = this.#buffer.search(/\r\n|\r|\n/);
    }
    return events;
  }

  #line(line: string): ServerSentEvent | null {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) this.#id = value;
    return null;
  }

  #dispatch(): ServerSentEvent | null {
    const hasData = this.#data.length > 0;
    const event: ServerSentEvent = { event: this.#event || 'message', data: this.#data.join('\n') };
    if (this.#id !== undefined) event.id = this.#id;
    this.#event = '';
    this.#data = [];
    return hasData ? event : null;
  }
}
