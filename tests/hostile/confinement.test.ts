import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';
import { outline, printed } from './helpers.js';

const SECRET = 'password: hunter2-do-not-print';

describe('paths stay inside the project', () => {
  it('refuses a theme name that resolves through a link to a file outside, without quoting the file', async () => {
    const outside = tempProject({ 'creds.yaml': `${SECRET}\nfonts: { latin: 42 }\n` });
    const dir = tempProject({ 'deck.yaml': outline('theme: creds\n') });
    mkdirSync(join(dir, 'templates'));
    symlinkSync(join(outside, 'creds.yaml'), join(dir, 'templates', 'creds.yaml'));
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)).toEqual([
      expect.objectContaining({ code: 'path-outside-project', file: 'deck.yaml', line: 2, column: 8 }),
    ]);
    expect(printed(r)).not.toContain('hunter2');
    expect([...r.texts.values()].join('\n')).not.toContain('hunter2');
    expect(r.inputs.map((i) => i.path)).not.toContain(join(dir, 'templates', 'creds.yaml'));
  });

  it('does not look up theme names in ../templates outside the project', async () => {
    const parent = tempProject({ 'templates/official.yaml': 'classification: PLANTED\n' });
    const dir = join(parent, 'project');
    mkdirSync(dir);
    writeFileSync(join(dir, 'deck.yaml'), outline());
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(r.ok).toBe(true);
    expect(r.inputs.map((i) => i.path)).not.toContain(join(parent, 'templates', 'official.yaml'));
  });

  it('refuses an out/ that links outside the project, and a failing build deletes nothing there', async () => {
    const outside = tempProject({ 'deck.pptx': 'not ours' });
    const dir = tempProject({ 'deck.yaml': outline('', '{ type: quote, title: T }') });
    symlinkSync(outside, join(dir, 'out'));
    const failing = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(failing.ok).toBe(false);
    expect(failing.diagnostics.map((d) => d.code)).toContain('write-failed');
    expect(failing.removedStale).toBeUndefined();
    expect(readFileSync(join(outside, 'deck.pptx'), 'utf8')).toBe('not ours');

    writeFileSync(join(dir, 'deck.yaml'), outline());
    const good = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(good.ok).toBe(false);
    expect(good.diagnostics.find((d) => d.code === 'write-failed')!.message).toMatch(/outside the project/);
    expect(readFileSync(join(outside, 'deck.pptx'), 'utf8')).toBe('not ours');

    const allowed = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, allowOutsidePaths: true });
    expect(allowed.ok).toBe(true);
    expect(readFileSync(join(outside, 'deck.pptx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps an --out named outside the project on purpose', async () => {
    const elsewhere = tempProject();
    const dir = tempProject({ 'deck.yaml': outline() });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, outDir: join(elsewhere, 'decks') });
    expect(r.ok).toBe(true);
    expect(existsSync(join(elsewhere, 'decks', 'deck.pptx'))).toBe(true);
  });

  it('refuses a chart cache folder that links outside the project', async () => {
    const outside = tempProject();
    const dir = tempProject({ 'deck.yaml': outline() });
    symlinkSync(outside, join(dir, 'cache'));
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: 'cache' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.find((d) => d.code === 'write-failed')!.message).toMatch(/chart cache folder .* outside/);
  });

  it('refuses output and cache folders under /proc and /sys instead of looping', async () => {
    const dir = tempProject({ 'deck.yaml': outline() });
    const out = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, outDir: '/proc/briefdeck-test/out' });
    expect(out.diagnostics.find((d) => d.code === 'write-failed')!.message).toMatch(/under \/proc, a system folder/);
    const cache = await buildDeck('deck.yaml', { cwd: dir, cacheDir: '/sys/briefdeck-test' });
    expect(cache.diagnostics.find((d) => d.code === 'write-failed')!.message).toMatch(/under \/sys/);
  });
});
