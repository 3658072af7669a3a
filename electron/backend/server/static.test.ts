import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSP, readStatic, resolveStaticPath } from './static';

const root = mkdtempSync(path.join(os.tmpdir(), 'static-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'x');
writeFileSync(path.join(root, 'assets', 'app.js.map'), '{"sources":["../src/App.tsx"]}');
const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
writeFileSync(path.join(outside, 'secret.txt'), 'secret');
symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'assets', 'link.js'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('path-traversal guard', () => {
  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/assets/%2e%2e/%2e%2e/x',
    '/..%5c..%5cwindows',
    '/a\\b',
    '/%00index.html',
    '/index.html%00.js',
    '/%252e%252e/x',
    '/C:/Windows/win.ini',
    '/.env',
    '/assets/.hidden',
    '/%zz',
    'index.html',
    '/assets/app.js.map',
    '/assets/app.js.MAP',
    '/assets/app.js%2Emap',
  ])('refuses %s', (p) => {
    expect(resolveStaticPath(root, p)).toBeNull();
  });

  it('maps / to index.html and files inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('reads files with their type, falls back to index.html for routes, refuses symlinks out of the root', () => {
    expect(readStatic(root, '/assets/app.js')?.type).toMatch(/javascript/);
    expect(readStatic(root, '/history')?.body.toString()).toBe('<!doctype html>');
    expect(readStatic(root, '/missing.js')).toBeNull();
    expect(readStatic(root, '/assets/link.js')).toBeNull();
    expect(readStatic(root, '/assets/app.js.map')).toBeNull(); // source maps are not served
  });

  it('the CSP forbids inline script, eval, framing and foreign connections', () => {
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/unsafe-(inline|eval)/);
  });
});
