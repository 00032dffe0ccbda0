import { describe, expect, it } from 'vitest';
import { contactOf, mailtoOf } from '../../src/popup/contact';

describe('contactOf', () => {
  it('finds the address of a mailto link on the block page', () => {
    expect(contactOf('<a href="mailto:abuse@shop.example?subject=x">write us</a>')).toBe('abuse@shop.example');
  });
  it('ignores pages without one, and junk', () => {
    expect(contactOf('<p>no contact</p>')).toBeNull();
    expect(contactOf('mailto:javascript:alert(1)')).toBeNull();
    expect(contactOf(undefined)).toBeNull();
  });
  it('builds a mailto with the report as body', () => {
    expect(mailtoOf('a@b.example', 'S', 'line 1\nline 2')).toBe('mailto:a@b.example?subject=S&body=line%201%0Aline%202');
  });
});
