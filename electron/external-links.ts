import { externalLinkKind } from '../shared/base/platform/bridge.ts';

export interface ExternalLinkOptions {
  /** The platform server the app uses; its links count as vetted. */
  platformUrl: () => string;
  /** Hands the URL to the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Asks the user whether to open a link to a site that is not vetted. */
  confirmLink: (url: string) => Promise<boolean>;
}

/**
 * Opens a link outside the app: vetted sites at once, other https links once the user agrees, anything
 * else never. Resolves whether the link was opened.
 */
export function createExternalLinkOpener(options: ExternalLinkOptions): (url: string) => Promise<boolean> {
  return async (url) => {
    const kind = externalLinkKind(url, options.platformUrl());
    if (kind === 'refused' || (kind === 'ask' && !(await options.confirmLink(url)))) return false;
    await options.openExternal(url);
    return true;
  };
}
