import { describe, expect, it } from '@jest/globals';
import { landingPath, returnPath } from './landing';

describe('landingPath', () => {
  it('sends administrators to the admin dashboard, whatever tasks they hold', () => {
    expect(landingPath(['approver', 'admin'], 3)).toBe('/admin');
    expect(landingPath(['admin'], null)).toBe('/admin');
  });

  it('sends someone with open tasks to Tugas Saya, with or without the approver role', () => {
    expect(landingPath(['approver', 'proposer'], 2)).toBe('/tugas');
    expect(landingPath(['proposer'], 1)).toBe('/tugas');
  });

  it('sends everyone else to Usulan Saya, also while the count is unknown', () => {
    expect(landingPath(['approver'], 0)).toBe('/usulan');
    expect(landingPath(['proposer'], null)).toBe('/usulan');
  });
});

describe('returnPath', () => {
  it('returns to a page of the app, with its query and fragment', () => {
    expect(returnPath({ from: '/usulan/3f9c2b1e?x=1#keputusan' })).toBe('/usulan/3f9c2b1e?x=1#keputusan');
    expect(returnPath({ from: '/tugas?status=done' })).toBe('/tugas?status=done');
  });

  it('ignores anything that is not a path of this origin', () => {
    expect(returnPath({ from: '//evil.example/usulan' })).toBeNull();
    expect(returnPath({ from: '/\\evil.example' })).toBeNull();
    expect(returnPath({ from: 'https://evil.example/' })).toBeNull();
    expect(returnPath({ from: 42 })).toBeNull();
    expect(returnPath(null)).toBeNull();
    expect(returnPath(undefined)).toBeNull();
  });

  it('does not return to Masuk or to the start page, which decides the landing itself', () => {
    expect(returnPath({ from: '/masuk' })).toBeNull();
    expect(returnPath({ from: '/masuk?x=1' })).toBeNull();
    expect(returnPath({ from: '/' })).toBeNull();
    expect(returnPath({ from: '/masukan' })).toBe('/masukan');
  });
});
