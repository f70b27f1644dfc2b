import { describe, expect, it } from 'vitest';
import { enrollmentFromQuery, enrollmentLink, withoutEnrollment } from './enrollmentLink.ts';

const parts = { platform: 'https://xy.example.cn:8787', county: '410823', code: 'ABCD-EFGH-2345' };

describe('the enrolment link of a tablet', () => {
  it('carries the platform, county and code in the shell’s query, and gives them back', () => {
    const link = enrollmentLink('https://field.example.cn/creditdesk/?x=1#/inspections', parts);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://field.example.cn/creditdesk/');
    expect(url.hash).toBe('#/inspections');
    expect(enrollmentFromQuery(url.search)).toEqual(parts);
    expect(withoutEnrollment(url.search)).toBe('?x=1');
  });

  it('reads nothing from a query with part of an enrolment, or a platform that is no web address', () => {
    const { search } = new URL(enrollmentLink('http://127.0.0.1:4173/', parts));
    expect(enrollmentFromQuery('')).toBeNull();
    expect(enrollmentFromQuery(search.replace(/&enrollCode=[^&]*/, ''))).toBeNull();
    expect(
      enrollmentFromQuery(search.replace(/enrollPlatform=[^&]*/, 'enrollPlatform=javascript%3Aalert(1)')),
    ).toBeNull();
    expect(enrollmentFromQuery(search.replace('410823', '4108'))).toBeNull();
    expect(withoutEnrollment(search)).toBe('');
  });
});
