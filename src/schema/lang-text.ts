import { z } from 'zod';

/** Text given once for every language, or once per language tag (`{ en: …, zh-CN: … }`). */
export const LangText = (what: string) =>
  z
    .union([
      z.string(),
      z
        .record(
          z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'a language tag such as en or zh-CN' }),
          z.string(),
        )
        .refine((r) => Object.keys(r).length > 0, { message: 'give the text in at least one language' }),
    ])
    .describe(`${what}: one text, or one per language, e.g. { en: …, zh-CN: … }.`);
