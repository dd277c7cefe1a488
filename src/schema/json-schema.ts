import { z } from 'zod';
import { DataFile } from './data.js';
import { Outline } from './outline.js';
import { ThemeInput } from './theme.js';

/** The JSON Schemas shipped for editors (yaml-language-server), generated from the one zod schema. */
export function jsonSchemas(): Record<'outline' | 'data' | 'theme', object> {
  const make = (schema: z.ZodType, title: string, description: string) => ({
    ...(z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>),
    title,
    description,
  });
  return {
    outline: make(
      Outline,
      'briefdeck outline',
      'A briefing deck: sections of slides whose figures come from data keys.',
    ),
    data: make(
      DataFile,
      'briefdeck data file',
      'Values, series and tables referred to by data keys, with their sources.',
    ),
    theme: make(ThemeInput, 'briefdeck theme', 'Colours, fonts, sizes, logo and footer of a deck.'),
  };
}
