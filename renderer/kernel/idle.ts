/** Runs work once the window is idle (its first screen drawn), or soon where there is no idle callback. */
export function afterFirstScreen(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 0);
}
