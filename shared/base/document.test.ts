import { describe, expect, it } from 'vitest';
import { type BaseDocument, withoutStamps } from './document.ts';

describe('withoutStamps', () => {
  it('strips the stamps the repository writes, keeping the input and the original', () => {
    const doc: BaseDocument & { name: string } = {
      id: '0190a0b0-0000-7000-8000-000000000001',
      county: '410823',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      createdBy: 'u1',
      updatedBy: 'u2',
      name: 'Hongda',
    };
    expect(withoutStamps(doc)).toEqual({ name: 'Hongda' });
    expect(doc.id).toBe('0190a0b0-0000-7000-8000-000000000001');
  });
});
