import { describe, expect, it } from 'vitest';
import { addressGuesses } from '../../src/popup/address-guess';

describe('addressGuesses', () => {
  it('corrects a mistyped top-level domain first, then offers the path one level up', () => {
    expect(addressGuesses('https://example.con/docs/page')).toEqual(['https://example.com/docs/page', 'https://example.con/docs/']);
  });

  it('drops punctuation a copied link dragged along', () => {
    expect(addressGuesses('https://example.com/a/report).')[0]).toBe('https://example.com/a/report');
  });

  it('fixes doubled slashes and wwww', () => {
    expect(addressGuesses('https://wwww.example.com//a//b')[0]).toBe('https://www.example.com/a/b');
  });

  it('goes up to the home page from one segment, and has nothing to offer at the root', () => {
    expect(addressGuesses('https://example.com/private')).toEqual(['https://example.com/']);
    expect(addressGuesses('https://example.com/')).toEqual([]);
  });

  it('never suggests non-web addresses', () => {
    expect(addressGuesses('file:///etc/passwd')).toEqual([]);
    expect(addressGuesses('not a url')).toEqual([]);
  });
});
