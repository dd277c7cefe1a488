import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChartStats, Element, LaidOutDeck } from '../model.js';
import { ChartCache } from './cache.js';
import { chartStyleFor } from './config.js';
import { ChartRenderer, rendererVersions } from './render.js';

/** The code that turns a model into a configuration is part of what decides the pixels. */
function configFingerprint(): string {
  // Running from source (tests) the module is config.ts; compiled, config.js.
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const file = fileURLToPath(new URL(`./config.${ext}`, import.meta.url));
  return ChartCache.key(readFileSync(file, 'utf8'));
}

export interface RenderChartsOptions {
  cacheDir?: string;
}

/**
 * Replaces every image-rendered chart with its picture. Charts render concurrently: PNG
 * encoding runs on libuv's thread pool, so a deck's charts overlap without worker threads.
 */
export async function renderCharts(deck: LaidOutDeck, options: RenderChartsOptions): Promise<{ deck: LaidOutDeck; stats: ChartStats }> {
  const cache = new ChartCache(options.cacheDir);
  const renderer = new ChartRenderer();
  const versions = { ...rendererVersions(), config: configFingerprint() };
  const stats: ChartStats = { rendered: 0, cached: 0, native: 0 };
  const inFlight = new Map<string, Promise<Buffer>>();

  const renderOne = async (element: Extract<Element, { kind: 'chart' }>): Promise<Element> => {
    if (element.chart.render === 'native') {
      stats.native++;
      return element;
    }
    const style = chartStyleFor(element.box, deck.theme.slide.width, deck.theme);
    const key = ChartCache.key({ chart: element.chart, style, versions });
    let png = inFlight.get(key);
    if (!png) {
      const hit = cache.get(key);
      if (hit) {
        stats.cached++;
        png = Promise.resolve(hit);
      } else {
        stats.rendered++;
        png = renderer.render(element.chart, style).then((buffer) => {
          cache.put(key, buffer);
          return buffer;
        });
      }
      inFlight.set(key, png);
    }
    return { kind: 'picture', name: element.name, box: element.box, png: await png, alt: element.chart.alt };
  };

  const slides = await Promise.all(
    deck.slides.map(async (slide) => ({
      ...slide,
      elements: await Promise.all(slide.elements.map((e) => (e.kind === 'chart' ? renderOne(e) : Promise.resolve(e)))),
    })),
  );
  return { deck: { ...deck, slides }, stats };
}
