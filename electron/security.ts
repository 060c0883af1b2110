// Guards on every web contents and on the session (../shared/STYLE.md item 9): no
// navigation away from our pages, no new windows, no webviews, no permissions, no remote
// content.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Remote schemes the app never loads from (its pages come from app://, its api over IPC). */
const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function hardenSession(session: Session): void {
  // One exception: writing plain text to the clipboard from our own page ("copy frame").
  const allowed = (permission: string, origin: string | undefined) => permission === 'clipboard-sanitized-write' && origin !== undefined && isAppUrl(origin);
  session.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(permission, contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (_details, callback) => callback({ cancel: true }));
}
