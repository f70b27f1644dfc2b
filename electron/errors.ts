/** Why a bridge call was refused or failed. Each code has a message under `desktop.error.<code>`. */
export const desktopErrorCodes = [
  'senderRejected',
  'invalidRequest',
  'fileTooLarge',
  'fileTypeRejected',
  'notRegularFile',
  'saveTypeRejected',
  'saveTooLarge',
  'externalUrlRejected',
  'secretStorageUnavailable',
  'operationFailed',
] as const;
export type DesktopErrorCode = (typeof desktopErrorCodes)[number];

/**
 * Raised by the main process for a bridge call. Only the message crosses IPC, so it starts with
 * the machine-readable key: `[desktop.error.fileTooLarge] …`, which the renderer can match with
 * /\[(desktop\.error\.\w+)\]/ and translate.
 */
export class DesktopError extends Error {
  readonly code: DesktopErrorCode;

  constructor(code: DesktopErrorCode, detail: string) {
    super(`[desktop.error.${code}] ${detail}`);
    this.name = 'DesktopError';
    this.code = code;
  }
}
