import type { Session, WebContents } from 'electron';

export interface ContentsGuardOptions {
  isAppUrl: (url: string) => boolean;
  /** Opens a link in the system browser when it may leave the app (see external-links.ts). */
  openLink: (url: string) => void;
}

/**
 * Applied to every webContents the app creates: navigation and redirects stay inside the app,
 * no window is ever opened (links go to `openLink`, which decides), and no <webview> may attach.
 */
export function guardWebContents(contents: WebContents, options: ContentsGuardOptions): void {
  contents.on('will-navigate', (event) => {
    if (!options.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!options.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    options.openLink(url);
    return { action: 'deny' };
  });
}

/**
 * The only permissions the app's own pages get: writing to the clipboard (copy buttons) and
 * persistent storage (the offline database must not be evicted). Everything else, and everything
 * asked by any other origin, is denied.
 */
export const grantedPermissions: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'persistent-storage',
]);

export function restrictPermissions(session: Session, isAppUrl: (url: string) => boolean): void {
  const allowed = (permission: string, origin: string | undefined) =>
    grantedPermissions.has(permission) && origin !== undefined && isAppUrl(origin);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, requestingOrigin),
  );
}
