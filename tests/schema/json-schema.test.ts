import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/schema/json-schema.js';
import { REPO } from '../helpers/project.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const schemas = jsonSchemas();
const validate = {
  outline: ajv.compile(schemas.outline),
  data: ajv.compile(schemas.data),
  theme: ajv.compile(schemas.theme),
};

const yamlFiles = (dir: string) =>
  readdirSync(join(REPO, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));
const read = (file: string) => parse(readFileSync(join(REPO, file), 'utf8')) as unknown;

describe('the JSON Schemas for editors', () => {
  it('are the files shipped in schema/, up to date with the zod schemas', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      const shipped = JSON.parse(readFileSync(join(REPO, 'schema', `${name}.schema.json`), 'utf8')) as unknown;
      expect(shipped, `schema/${name}.schema.json is stale: run npm run build`).toEqual(schema);
    }
  });

  it.each(yamlFiles('decks'))('accept the shipped outline %s', (file) => {
    expect(validate.outline(read(file)), JSON.stringify(validate.outline.errors)).toBe(true);
  });

  it.each(yamlFiles('decks/data'))('accept the shipped data file %s', (file) => {
    expect(validate.data(read(file)), JSON.stringify(validate.data.errors)).toBe(true);
  });

  it.each(yamlFiles('templates'))('accept the shipped theme %s', (file) => {
    expect(validate.theme(read(file)), JSON.stringify(validate.theme.errors)).toBe(true);
  });

  it('reject a broken outline the way briefdeck does', () => {
    const outline = read('decks/opening-up.yaml') as {
      sections: { slides: Record<string, unknown>[] }[];
      tittle?: string;
    };
    const typo = structuredClone(outline);
    typo.sections[0]!.slides[0]!.type = 'bulets';
    expect(validate.outline(typo)).toBe(false);
    const unknownField = structuredClone(outline);
    unknownField.tittle = 'x';
    expect(validate.outline(unknownField)).toBe(false);
    expect(validate.outline.errors!.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    const noSections = structuredClone(outline) as Record<string, unknown>;
    delete noSections.sections;
    expect(validate.outline(noSections)).toBe(false);
  });

  it('reject a bad colour in a theme and a ragged value in a data file', () => {
    expect(validate.theme({ palette: { accent: 'navy' } })).toBe(false);
    expect(validate.data({ trade: { goods: { value: 'x', unit: 1 } } })).toBe(false);
  });

  it('describe fields for hover help', () => {
    const props = (schemas.outline as { properties: Record<string, { description?: string }> }).properties;
    expect(props.lang!.description).toMatch(/Language/);
    expect(props.data!.description).toMatch(/data file/);
  });
});
