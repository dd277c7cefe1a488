import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { readTemplate, type HouseTemplate } from '../../src/template/index.js';
import { openPptx, type OpenedDeck } from './pptx.js';
import { REPO, tempProject } from './project.js';

/** The flagship deck built on one fixture template, as the template tests read it. */
export interface BuiltOnTemplate {
  template: HouseTemplate;
  deck: OpenedDeck;
  bytes: Buffer;
  slideCount: number;
}

/**
 * Builds the flagship (decks/opening-up.yaml) on each fixture template in tests/fixtures/templates,
 * in one throw-away project: `decks/on-<template>.yaml`, with a footer so the footer slots show.
 * Fails the test on any build error. Returns the project folder and each build by template name.
 */
export async function buildFlagshipOn(
  templates: readonly string[],
): Promise<{ dir: string; built: Map<string, BuiltOnTemplate> }> {
  const flagship = readFileSync(join(REPO, 'decks/opening-up.yaml'), 'utf8');
  const dir = tempProject({ 'briefdeck.yaml': '' }, ['decks', 'templates', 'assets']);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  const built = new Map<string, BuiltOnTemplate>();
  for (const name of templates) {
    copyFileSync(join(REPO, 'tests/fixtures/templates', name), join(dir, 'templates', name));
    const stem = `on-${name.replace(/\.[^.]+$/, '')}`;
    writeFileSync(
      join(dir, `decks/${stem}.yaml`),
      flagship.replace(/^theme: .*$/m, `theme: ../templates/${name}\nfooter: Policy Research Office`),
    );
    const r = await buildDeck(`decks/${stem}.yaml`, { cwd: dir, cacheDir: join(dir, 'cache') });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bytes = readFileSync(join(dir, 'out', `${stem}.pptx`));
    built.set(name, {
      template: await readTemplate(readFileSync(join(dir, 'templates', name)), name),
      deck: await openPptx(bytes),
      bytes,
      slideCount: r.slideCount,
    });
  }
  return { dir, built };
}

/**
 * A throw-away project holding the repository's decks and `decks/narrow.yaml`: the flagship on
 * the 10 in pandoc reference template, the narrowest slide the chart tests draw for.
 */
export function narrowFlagshipProject(): string {
  const dir = tempProject({ 'briefdeck.yaml': '' }, ['decks', 'assets']);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  copyFileSync(
    join(REPO, 'tests/fixtures/templates/pandoc-reference.pptx'),
    join(dir, 'templates/pandoc-reference.pptx'),
  );
  const flagship = readFileSync(join(REPO, 'decks/opening-up.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'decks/narrow.yaml'),
    flagship.replace(/^theme: .*$/m, 'theme: ../templates/pandoc-reference.pptx'),
  );
  return dir;
}
