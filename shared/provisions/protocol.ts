/**
 * What the platform hands an enrolled device besides its token, over the authenticated sync channel:
 * the serial blocks it numbers commitment letters from (shared/commitments/numbering.ts) and the city's
 * key for matching practitioners by ID number (shared/lists/cityBlackList.ts).
 *
 * - GET /sync/v1/provisions: the device's blocks and the key; a device enrolled before blocks existed
 *   gets its first block here.
 * - POST /sync/v1/provisions/serial-blocks: one more block, while the device holds fewer than
 *   `maxSerialBlocksPerDevice`; answers the provisions as they are now.
 */
import { z } from 'zod';
import { blocksPerCounty } from '../commitments/numbering.ts';

export const provisionPaths = {
  provisions: '/sync/v1/provisions',
  serialBlocks: '/sync/v1/provisions/serial-blocks',
} as const;

/** Blocks one device may hold: 5 × 9,999–10,000 letters a day, and room for about 20 devices a county. */
export const maxSerialBlocksPerDevice = 5;

export const provisionsResponseSchema = z.object({
  /** Indexes of the device's serial blocks (1–99), in the order it was given them. */
  serialBlocks: z.array(
    z
      .number()
      .int()
      .min(1)
      .max(blocksPerCounty - 1),
  ),
  /** The city's secret key for `idh:` subject keys (base64url of 32 random bytes). */
  matchingKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type ProvisionsResponse = z.infer<typeof provisionsResponseSchema>;
