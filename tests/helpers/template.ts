import type { TemplateLayout } from '../../src/template/index.js';

const EMU_PER_PT = 12700;

/**
 * A slide's XML with the boxes its placeholders inherit written in: a placeholder without an
 * xfrm of its own sits where its layout's placeholder of that type (and index) is, so that
 * measuring and bounds checks see the box a reader sees.
 */
export function withInheritedBoxes(xml: string, layout: TemplateLayout): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (sp) => {
    const ph = /<p:ph\b([^>]*)\/>/.exec(sp)?.[1];
    if (ph === undefined || /<a:xfrm>/.test(sp)) return sp;
    const type = /type="([^"]+)"/.exec(ph)?.[1] ?? 'obj';
    const idx = /idx="(\d+)"/.exec(ph)?.[1];
    const from =
      layout.placeholders.find((p) => p.type === type && (idx === undefined || p.idx === Number(idx)) && p.box) ??
      layout.placeholders.find((p) => p.type === type && p.box);
    if (!from?.box) return sp;
    const e = (v: number) => Math.round(v * EMU_PER_PT);
    const xfrm = `<a:xfrm><a:off x="${e(from.box.x)}" y="${e(from.box.y)}"/><a:ext cx="${e(from.box.w)}" cy="${e(from.box.h)}"/></a:xfrm>`;
    return sp.replace(/<p:spPr\/>/, `<p:spPr>${xfrm}</p:spPr>`).replace(/<p:spPr>(?!<a:xfrm>)/, `<p:spPr>${xfrm}`);
  });
}
