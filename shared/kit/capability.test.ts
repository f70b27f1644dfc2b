import { describe, expect, it } from 'vitest';
import { capabilities } from '../capabilities.ts';
import { creditRecordsCapability } from '../creditRecords/descriptor.ts';
import { subjectsCapability } from '../subjects/descriptor.ts';
import { CapabilityRegistry } from './capability.ts';

const hash = (char: string) => char.repeat(64);
const file = (sha256: string) => ({ sha256, name: 'a.pdf', mimeType: 'application/pdf', size: 1 });

describe('the capability registry', () => {
  it('lists the hashes a credit record refers to, with their paths, and nothing for other collections', () => {
    const doc = { attachments: [file(hash('a')), file('not-a-hash'), file(hash('b'))] };
    expect(capabilities.blobReferences('creditRecords', doc)).toEqual([
      { path: 'attachments.0', sha256: hash('a') },
      { path: 'attachments.2', sha256: hash('b') },
    ]);
    expect(capabilities.blobReferences('subjects', doc)).toEqual([]);
    expect(capabilities.blobReferences('creditRecords', {})).toEqual([]);
    expect(capabilities.blobReferences('noSuchCollection', doc)).toEqual([]);
  });

  it('finds attachments at any depth a capability declares', () => {
    const inspections = new CapabilityRegistry([
      { ...creditRecordsCapability, attachments: ['attachments[]', 'findings[].photos[]'] },
    ]);
    const doc = {
      attachments: [file(hash('a'))],
      findings: [
        { photos: [file(hash('b'))] },
        { photos: [] },
        { photos: [file(hash('c')), file(hash('d'))] },
      ],
    };
    expect(inspections.blobReferences('creditRecords', doc)).toEqual([
      { path: 'attachments.0', sha256: hash('a') },
      { path: 'findings.0.photos.0', sha256: hash('b') },
      { path: 'findings.2.photos.0', sha256: hash('c') },
      { path: 'findings.2.photos.1', sha256: hash('d') },
    ]);
  });

  it('refuses a collection registered twice and a malformed attachment path', () => {
    expect(() => new CapabilityRegistry([subjectsCapability, subjectsCapability])).toThrow(
      'registered twice',
    );
    expect(() => new CapabilityRegistry([{ ...subjectsCapability, attachments: ['photos[].'] }])).toThrow(
      'malformed',
    );
  });
});
