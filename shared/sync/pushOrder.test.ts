import { describe, expect, it } from 'vitest';
import { uploadedBefore } from './pushOrder.ts';

describe('push order', () => {
  it('pushes the users first, and a repair case after the letters it is judged against', () => {
    expect(uploadedBefore('users')).toEqual([]);
    expect(uploadedBefore('subjects')).toEqual(['users']);
    expect(uploadedBefore('commitments')).toEqual(['users']);
    expect(uploadedBefore('cases')).toEqual(['users', 'commitments']);
  });
});
