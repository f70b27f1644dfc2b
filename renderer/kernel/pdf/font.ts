/**
 * The CJK font printed documents use: a GB 2312 subset of Noto Sans SC (SIL Open Font License, fonts/OFL.txt)
 * shipped with the app as a build asset, 2.3 MB — never downloaded at run time.
 */
import shippedFontUrl from './fonts/NotoSansSC-GB2312.ttf?url';

export async function loadPrintFont(url: string = shippedFontUrl): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The print font could not be loaded (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
