import { describe, expect, it } from 'vitest';
import { isAppUrl, isPermissionAllowed, isTrustedSender, userDataOverride } from './trust';
import { parseWindowState, restoreBounds } from './window-state';

describe('Electron trust checks (pure)', () => {
  it('accepts only app://desk/ pages', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/')).toBe(true);
    for (const u of [
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://desk/',
      'http://127.0.0.1/',
      'app://user:pw@desk/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(u), u).toBe(false);
    }
  });
  it('trusts IPC only from our main frame', () => {
    expect(isTrustedSender('app://desk/index.html', true)).toBe(true);
    expect(isTrustedSender('app://desk/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
  it('denies every permission but clipboard writing from our page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://desk/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://x/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial']) {
      expect(isPermissionAllowed(p, 'app://desk/index.html')).toBe(false);
    }
  });
  it('SHIKAKU_USER_DATA moves the data folder only in an unpackaged (test) build', () => {
    expect(userDataOverride({ SHIKAKU_USER_DATA: '/tmp/test-data' }, false)).toBe('/tmp/test-data');
    expect(userDataOverride({ SHIKAKU_USER_DATA: '/tmp/test-data' }, true)).toBeNull();
    expect(userDataOverride({ SHIKAKU_USER_DATA: '  ' }, false)).toBeNull();
    expect(userDataOverride({}, false)).toBeNull();
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('restores bounds that are on screen, clamped to the minimum size', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1400, height: 900 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
    });
    expect(restoreBounds({ x: 100, y: 50, width: 300, height: 200 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1100,
      height: 700,
    });
  });
  it('forgets bounds on a display that is gone', () => {
    expect(restoreBounds({ x: 2500, y: 100, width: 1400, height: 900 }, screen)).toBeNull();
    expect(restoreBounds({ x: 100, y: -500, width: 1400, height: 900 }, screen)).toBeNull();
  });
  it('ignores a damaged state file', () => {
    expect(parseWindowState('{')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"a"}}')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":1200,"height":800},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 1200, height: 800 },
      maximized: true,
    });
  });
});
