import { describe, expect, it } from 'vitest';
import { csrfToken, readCookie } from './csrf';

describe('readCookie', () => {
  it('finds the XSRF-TOKEN among other cookies', () => {
    const cookies = 'theme=dark; XSRF-TOKEN=4f2c9a1e-0b7d-4c1e-9d3a-2b6f8e1c7a55; other=1';
    expect(readCookie(cookies, 'XSRF-TOKEN')).toBe('4f2c9a1e-0b7d-4c1e-9d3a-2b6f8e1c7a55');
  });

  it('matches the whole name, not a suffix or prefix', () => {
    expect(readCookie('MY-XSRF-TOKEN=wrong; XSRF-TOKEN-OLD=wrong', 'XSRF-TOKEN')).toBeNull();
    expect(readCookie('MY-XSRF-TOKEN=wrong;XSRF-TOKEN=right', 'XSRF-TOKEN')).toBe('right');
  });

  it('decodes percent-encoding and keeps = inside the value', () => {
    expect(readCookie('XSRF-TOKEN=a%2Bb%3D%3D', 'XSRF-TOKEN')).toBe('a+b==');
    expect(readCookie('XSRF-TOKEN=abc==', 'XSRF-TOKEN')).toBe('abc==');
  });

  it('strips quotes and keeps undecodable values as they are', () => {
    expect(readCookie('XSRF-TOKEN="quoted"', 'XSRF-TOKEN')).toBe('quoted');
    expect(readCookie('XSRF-TOKEN=%E0%A4%A', 'XSRF-TOKEN')).toBe('%E0%A4%A');
  });

  it('is null when the cookie is absent or empty', () => {
    expect(readCookie('', 'XSRF-TOKEN')).toBeNull();
    expect(readCookie('XSRF-TOKEN=', 'XSRF-TOKEN')).toBeNull();
  });
});

describe('csrfToken', () => {
  it('reads the Spring Security cookie name', () => {
    expect(csrfToken('SESSION=x; XSRF-TOKEN=t0k3n')).toBe('t0k3n');
  });
});
