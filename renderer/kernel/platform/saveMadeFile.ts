import type { PlatformBridge } from '../../../shared/base/platform/bridge.ts';

/** A file the app made (a PDF, a spreadsheet), to offer for saving. */
export interface MadeFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Offers bytes made in the renderer for saving through the shell's bridge (a download in the browser,
 * the save dialog in Electron): the one way app-made files leave the app. Resolves whether the user
 * saved. The bytes go as a copy of exactly this view, not the whole buffer behind it.
 */
export async function saveMadeFile(
  bridge: Pick<PlatformBridge, 'saveFile'>,
  file: MadeFile,
): Promise<boolean> {
  const { saved } = await bridge.saveFile({
    suggestedName: file.name,
    mimeType: file.mimeType,
    data: new Uint8Array(file.bytes),
  });
  return saved;
}
