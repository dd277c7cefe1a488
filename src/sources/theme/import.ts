import { chooseLayouts, LAYOUT_ROLES } from '../../template/choose.js';
import type { Box, HouseTemplate } from '../../template/types.js';
import { seriesAccents, themeInputFromTemplate } from './from-template.js';

/**
 * `briefdeck theme import house.potx`: the theme YAML a template implies, written out to be
 * edited. It names the template (so decks are built on its masters and layouts) and writes
 * every value the template gives, so that changing one is editing a line; as written it builds
 * the same deck as `theme: house.potx`.
 */

/** A YAML scalar that reads back as this exact string: JSON's double-quoted form is valid YAML. */
const q = (s: string) => JSON.stringify(s);
const inches = (pt: number) => Math.round((pt / 72) * 1000) / 1000;

/** Which accents were darkened to be told apart from the background (3:1), for the comment. */
function seriesNote(series: readonly string[], t: HouseTemplate): string {
  const accents = seriesAccents(t);
  const changed = accents.flatMap((a, i) => (series[i] === a.color ? [] : [`${a.name} ${a.color}`]));
  return changed.length ? `; darkened to 3:1 on the background: ${changed.join(', ')}` : '';
}

/** Which accents the series are, in order: "accent1–accent6", or the order with a red accent put last. */
function seriesSource(t: HouseTemplate): string {
  const names = seriesAccents(t).map((a) => a.name);
  const reds = names.filter((n, i) => n !== `accent${i + 1}`);
  return reds.length ? `${names.join(', ')} (red last: it reads as loss)` : 'accent1–accent6';
}

/** The template's logo as the imported theme names it: a file next to the theme, and where the template draws it. */
export interface ImportedLogo {
  /** Relative to the theme: 'assets/house-logo.png'. */
  ref: string;
  box: Box;
}

/**
 * Where the template draws its logo, as theme geometry: top left or right, at its top and
 * height; at most its width wide. Used when the theme builds decks without the template.
 */
function logoGeometry(t: HouseTemplate, box: Box): string {
  const align = box.x + box.w / 2 < t.slide.width / 2 ? 'left' : 'right';
  return `  logo: { align: ${align}, top: ${inches(box.y)}, height: ${inches(box.h)}, max_width: ${inches(box.w)} }   # where the template's master shows it`;
}

export function importedThemeYaml(t: HouseTemplate, name: string, templateRef: string, logo?: ImportedLogo): string {
  const input = themeInputFromTemplate(t, name);
  const p = input.palette!;
  const f = input.fonts!;
  const chosen = chooseLayouts(t);
  const c = t.colors;
  const lines = [
    `# Theme imported from ${templateRef} by \`briefdeck theme import\`. Edit freely: each value`,
    "# here overrides what the template gives; delete a line to take the template's again.",
    `name: ${q(name)}`,
    `template: ${q(templateRef)}   # decks are built on its masters, layouts and theme`,
    `# slide: ${inches(t.slide.width)} × ${inches(t.slide.height)} in (${t.slide.width} × ${t.slide.height} pt), the template's size, which a deck on it always has`,
    'palette:',
    `  background: ${q(p.background!)}   # lt1`,
    `  surface: ${q(p.surface!)}`,
    `  title: ${q(p.title!)}   # ${p.title === c.dk2 ? 'dk2' : 'dk1'}`,
    `  text: ${q(p.text!)}   # dk1`,
    `  muted: ${q(p.muted!)}`,
    `  accent: ${q(p.accent!)}   # accent1`,
    `  accent_text: ${q(p.accent_text!)}`,
    `  rule: ${q(p.rule!)}`,
    `  inactive: ${q(p.inactive!)}`,
    `  emphasis: ${q(p.emphasis!)}   # accent2${p.emphasis === c.accent2 ? '' : ` ${c.accent2}, darkened to 4.5:1 for the marking`}`,
    `  divider_background: ${q(p.divider_background!)}`,
    `  divider_text: ${q(p.divider_text!)}`,
    `  series: [${p.series!.map(q).join(', ')}]   # ${seriesSource(t)}${seriesNote(p.series!, t)}`,
    'fonts:',
    `  latin: ${q(f.latin!)}   # body (minor) font; headings (major): ${t.fonts.major.latin}`,
    `  latin_metric: ${q(f.latin_metric!)}   # installed face with the same widths, to measure text`,
    `  east_asian: ${q(f.east_asian!)}   # template: minor ${t.fonts.minor.eastAsian ?? 'none'}, major ${t.fonts.major.eastAsian ?? 'none'}`,
    `  east_asian_metric: ${q(f.east_asian_metric!)}`,
    `  chart: ${q(f.chart!)}`,
    "# Sizes in points, scaled from briefdeck's 13.333 × 7.5 in defaults to this slide.",
    'sizes:',
    ...Object.entries(input.sizes!).map(([k, v]) => `  ${k}: ${v}`),
    ...(logo
      ? [
          `logo: ${q(logo.ref)}   # the template's own logo: drawn by its master on a deck built on it, by briefdeck without it`,
          'geometry:',
          logoGeometry(t, logo.box),
        ]
      : []),
    '# The template layout each kind of slide is made on, by its name in PowerPoint.',
    'layouts:',
    ...LAYOUT_ROLES.map((role) => `  ${role}: ${q(chosen[role].name)}`),
  ];
  return `${lines.join('\n')}\n`;
}
