import type {
  HouseBulletLevel,
  HouseStyle,
  HouseTextStyle,
  LayoutPlan,
  LayoutRole,
  Master,
  MasterText,
  Theme,
  ThemeColorSlot,
} from '../model.js';
import { BULLET_INDENT, SPACE_BEFORE } from './bullets.js';
import { fittedHeight, frameOf, TEXT_INSETS, type LayoutContext } from './frame.js';

/**
 * The house style the package itself carries (theme1.xml, the master's text styles, the slide
 * layouts), so a slide added in PowerPoint comes out in the deck's faces, colours and sizes.
 * Decided here with the same numbers the slides are laid out with.
 */

/** How the theme's palette fills the package theme's colour slots. */
export function themeColors(theme: Theme): Record<ThemeColorSlot, string> {
  const p = theme.palette;
  // Six accents: the series colours, then the palette's own accents where a theme lists fewer.
  const accents = [...p.series, p.accent, p.emphasis, p.muted, p.inactive, p.title, p.rule];
  return {
    // PowerPoint maps text 1 to dk1 and background 1 to lt1: a dark theme's light text goes in dk1.
    dk1: p.text,
    lt1: p.background,
    dk2: p.title,
    lt2: p.surface,
    accent1: accents[0]!,
    accent2: accents[1]!,
    accent3: accents[2]!,
    accent4: accents[3]!,
    accent5: accents[4]!,
    accent6: accents[5]!,
    hlink: p.accent,
    folHlink: p.muted,
  };
}

/** The master's title, body and other text styles, at the deck's sizes (after the type scale settled). */
export function houseStyle(theme: Theme, ctx: Pick<LayoutContext, 'face' | 'scale'>): HouseStyle {
  const titleSize = ctx.scale.size('title');
  const bodySize = ctx.scale.size('body');
  const title: HouseTextStyle = {
    size: titleSize,
    bold: true,
    align: 'left',
    color: 'dk2',
    fonts: 'major',
    spaceBefore: 0,
  };
  const level = (n: number): HouseBulletLevel => {
    const sub = n > 0;
    const size = sub ? ctx.scale.subBullet(bodySize) : bodySize;
    return {
      size,
      bold: false,
      align: 'left',
      color: 'dk1',
      fonts: 'minor',
      spaceBefore: Math.round(SPACE_BEFORE[sub ? 1 : 0] * bodySize * 100) / 100,
      // The deck's own slides bullet every level with a dot.
      bullet: '•',
      marginLeft: BULLET_INDENT * (n + 1),
      indent: -BULLET_INDENT,
    };
  };
  return {
    name: theme.name,
    colors: themeColors(theme),
    fonts: { major: ctx.face, minor: ctx.face },
    title,
    body: [level(0), level(1)],
    other: { size: bodySize, bold: false, align: 'left', color: 'dk1', fonts: 'minor', spaceBefore: 0 },
  };
}

const NAMES: Record<LayoutRole, string> = {
  title: 'Title',
  section: 'Section',
  content: 'Title and Content',
  chart: 'Chart',
  table: 'Table',
  quote: 'Quote',
  sources: 'Sources',
};

/**
 * One slide layout per role. The body placeholder of a content layout is the body region under
 * a one-line title, as the slides have it; title and section layouts take their subtitle's place.
 */
export function layoutPlans(theme: Theme, ctx: Pick<LayoutContext, 'face' | 'scale'>): Record<LayoutRole, LayoutPlan> {
  const f = frameOf(theme);
  const p = theme.palette;
  const { sizes } = theme;
  const bodySize = ctx.scale.size('body');
  const text = (box: MasterText['box'], size: number, color: string): MasterText => ({
    box,
    font: ctx.face,
    size,
    color,
    valign: 'top',
    insets: TEXT_INSETS,
  });
  const bodyTop = f.titleTop + fittedHeight(1, ctx.scale.size('title')) + 24;
  const contentBody = text(
    { x: f.margin, y: bodyTop, w: f.width - 2 * f.margin, h: f.bodyBottom - bodyTop },
    bodySize,
    p.text,
  );
  const titleTop = Math.round(f.height * 0.28);
  const subtitleTop = titleTop + fittedHeight(2, sizes.deckTitle) + 14;
  const sectionTop = Math.round(f.height * 0.36) + 10 + fittedHeight(2, sizes.sectionTitle) + 10;
  const plan = (role: LayoutRole, master: Master, body: MasterText, bodyText: boolean): LayoutPlan => ({
    name: NAMES[role],
    master,
    body,
    bodyText,
  });
  return {
    title: plan(
      'title',
      'title',
      text(
        { x: f.margin, y: subtitleTop, w: Math.round(f.width * 0.78), h: fittedHeight(2, sizes.subtitle) },
        sizes.subtitle,
        p.dividerText,
      ),
      false,
    ),
    section: plan(
      'section',
      'section',
      text(
        { x: f.margin, y: sectionTop, w: Math.round(f.width * 0.8), h: fittedHeight(2, sizes.body) },
        sizes.body,
        p.dividerText,
      ),
      false,
    ),
    content: plan('content', 'content', contentBody, true),
    chart: plan('chart', 'content', contentBody, false),
    table: plan('table', 'content', contentBody, false),
    quote: plan('quote', 'content', contentBody, false),
    sources: plan('sources', 'content', contentBody, true),
  };
}
