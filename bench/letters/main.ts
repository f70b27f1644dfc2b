// Prints the sample letters in the browser with the renderer's own code and font asset.
import { printCommitmentLetters } from '../../renderer/commitments/printLetters.ts';
import { loadPrintFont } from '../../renderer/kernel/pdf/font.ts';
import { letters, printSettings } from './sample.ts';

const fontBytes = await loadPrintFont();
const start = performance.now();
const printed = await printCommitmentLetters(letters, { ...printSettings, fontBytes });
const seconds = (performance.now() - start) / 1000;
const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(printed.bytes)));
const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
document.getElementById('out')!.textContent = JSON.stringify({ hex, size: printed.bytes.length, seconds });
