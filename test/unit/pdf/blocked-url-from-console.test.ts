import { describe, expect, it } from 'vitest';
import { blockedUrlFromConsole } from '../../../src/pdf/blocked-url-from-console.js';

// Messages as Chromium 156 prints them for a page with `default-src 'none'; img-src data:`.
describe('blockedUrlFromConsole', () => {
  it('names the URL of a CSP violation', () => {
    expect(
      blockedUrlFromConsole('error', `Loading the image 'http://127.0.0.1:37459/img' violates the following Content Security Policy directive: "img-src data:". The action has been blocked.`),
    ).toBe('http://127.0.0.1:37459/img');
    expect(blockedUrlFromConsole('error', `Refused to frame 'file:///etc/passwd' because it violates the following Content Security Policy directive: "default-src 'none'".`)).toBe(
      'file:///etc/passwd',
    );
  });
  it('names a refused file:// load', () => {
    expect(blockedUrlFromConsole('error', 'Not allowed to load local resource: file:///etc/hostname')).toBe('file:///etc/hostname');
  });
  it('ignores warnings and our own aborts (those are recorded at interception, with their URL)', () => {
    expect(blockedUrlFromConsole('warn', "Mixed Content: The page at 'https://briefwright.invalid/x.html' was loaded over HTTPS")).toBeUndefined();
    expect(blockedUrlFromConsole('error', 'Failed to load resource: net::ERR_BLOCKED_BY_CLIENT.Inspector')).toBeUndefined();
  });
});
