import type { StreamChange } from '../../shared/sync/protocol.ts';

export interface ChangeNotice {
  collection: string;
  /** The county whose feed moved; null for city-scope collections, which every county follows. */
  county: string | null;
  sequence: number;
}

interface Subscriber {
  county: string;
  send(change: StreamChange): void;
}

/** Tells the open sync streams which feeds moved, so their devices pull. */
export class ChangeHub {
  #subscribers = new Set<Subscriber>();

  subscribe(county: string, send: (change: StreamChange) => void): () => void {
    const subscriber = { county, send };
    this.#subscribers.add(subscriber);
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  publish(notice: ChangeNotice): void {
    for (const subscriber of this.#subscribers) {
      if (notice.county === null || notice.county === subscriber.county) {
        subscriber.send({ collection: notice.collection, sequence: notice.sequence });
      }
    }
  }
}
