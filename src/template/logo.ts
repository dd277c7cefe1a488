import { readZip } from '../pptx/zip.js';
import type { HouseTemplate } from './types.js';

/** No logo comes near this; a larger picture is not one to copy out. */
const MAX_LOGO_BYTES = 8 * 1024 * 1024;

/** The template's logo picture, as a theme can name it (PNG or JPEG), or why it cannot. */
export type LogoImage = { data: Buffer; extension: 'png' | 'jpg' } | { problem: string };

export function templateLogoImage(t: HouseTemplate): LogoImage | undefined {
  if (!t.logo) return undefined;
  let data: Buffer | undefined;
  try {
    data = readZip(t.bytes, { only: (n) => n === t.logo!.part, maxEntryBytes: MAX_LOGO_BYTES })[0]?.data;
  } catch {
    data = undefined;
  }
  if (!data) return { problem: `its logo picture (${t.logo.part}) is missing or too large` };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { data, extension: 'png' };
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { data, extension: 'jpg' };
  return { problem: `its logo (${t.logo.part}) is not a PNG or JPEG picture, the kinds a theme's logo can be` };
}
