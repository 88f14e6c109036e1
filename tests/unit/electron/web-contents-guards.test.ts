// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents, Session } from 'electron';
import { isAppUrl } from '../../../electron/main/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';
import { hardenSession } from '../../../electron/main/session-guards';
import { externalWebUrl, guardWebContents } from '../../../electron/main/web-contents-guards';
import { FakeBrowserWindow, FakeSession, electronModule, fake, fakeEvent, type FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

/** A window whose contents carry the guards, as `web-contents-created` would arrange. */
function guardedWindow(): FakeBrowserWindow {
  fake.app.on('web-contents-created', (_event: unknown, contents: FakeWebContents) => {
    guardWebContents(contents as unknown as WebContents);
  });
  return new FakeBrowserWindow({});
}

/** Lets the consent dialog's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fake.reset());

describe('isAppUrl', () => {
  it('accepts the app origin and nothing that imitates it', () => {
    expect(isAppUrl('app://diptych/index.html')).toBe(true);
    expect(isAppUrl('app://diptych/assets/x.js#y')).toBe(true);
    expect(isAppUrl('app://diptych.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://evil@diptych/index.html')).toBe(false);
    expect(isAppUrl('https://diptych/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('navigation guards', () => {
  it('prevents navigating the window to another URL', () => {
    const { webContents } = guardedWindow();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      const event = fakeEvent(url);
      webContents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it('lets the app navigate within its own origin', () => {
    const { webContents } = guardedWindow();
    const event = fakeEvent('app://diptych/index.html');
    webContents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('prevents subframe navigations and redirects away from the app', () => {
    const { webContents } = guardedWindow();
    const frame = fakeEvent('https://evil.example/frame');
    webContents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
    const redirect = fakeEvent('https://evil.example/landing');
    webContents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.defaultPrevented).toBe(true);
    const local = fakeEvent('app://diptych/index.html');
    webContents.emit('will-redirect', local, local.url);
    expect(local.defaultPrevented).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const { webContents } = guardedWindow();
    const event = fakeEvent();
    webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('offers a clicked web link to the system browser only after the reader agrees', async () => {
    const window = guardedWindow();
    fake.messageBoxResponse = 0;
    window.webContents.emit('will-navigate', fakeEvent('https://example.org/a'), 'https://example.org/a');
    await settle();
    expect(electronModule.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electronModule.dialog.showMessageBox.mock.calls[0]?.[0]).toBe(window);
    expect(electronModule.shell.openExternal).toHaveBeenCalledWith('https://example.org/a');
  });
});

describe('window.open', () => {
  it('is denied for every URL', () => {
    const { webContents } = guardedWindow();
    for (const url of ['https://example.org/', 'app://diptych/index.html', 'about:blank', 'file:///etc/passwd']) {
      expect(webContents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
  });

  it('opens an http(s) link externally once the reader confirms', async () => {
    const { webContents } = guardedWindow();
    fake.messageBoxResponse = 0;
    webContents.windowOpenHandler?.({ url: 'https://example.org/page?q=1' });
    await settle();
    expect(electronModule.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electronModule.shell.openExternal).toHaveBeenCalledWith('https://example.org/page?q=1');
  });

  it('does not open the link when the reader cancels', async () => {
    const { webContents } = guardedWindow();
    fake.messageBoxResponse = 1;
    webContents.windowOpenHandler?.({ url: 'https://example.org/' });
    await settle();
    expect(electronModule.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electronModule.shell.openExternal).not.toHaveBeenCalled();
  });

  it('never offers non-web URLs to the system', async () => {
    const { webContents } = guardedWindow();
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'ms-msdt:x', 'https://user:pw@example.org/']) {
      webContents.windowOpenHandler?.({ url });
    }
    await settle();
    expect(electronModule.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electronModule.shell.openExternal).not.toHaveBeenCalled();
  });

  it('shows one dialog at a time, however many links the page fires', async () => {
    const { webContents } = guardedWindow();
    let answer: (value: { response: number }) => void = () => {};
    electronModule.dialog.showMessageBox.mockImplementationOnce(
      () => new Promise((resolve) => (answer = (value) => resolve({ ...value, checkboxChecked: false }))),
    );
    for (let i = 0; i < 5; i += 1) webContents.windowOpenHandler?.({ url: `https://example.org/${i}` });
    expect(electronModule.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    answer({ response: 1 });
    await settle();
    webContents.windowOpenHandler?.({ url: 'https://example.org/later' });
    expect(electronModule.dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('normalises what it hands to the browser', () => {
    expect(externalWebUrl('HTTPS://Example.org')).toBe('https://example.org/');
    expect(externalWebUrl('mailto:a@b.c')).toBeNull();
  });
});

describe('session permissions', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://diptych', {}), permission).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('stamps the CSP on responses that pass through the session', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    const callback = vi.fn();
    session.headersListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});
