import { runLang } from '../layout/lang.js';

/**
 * What a screen reader needs that pptxgenjs cannot write: decorative flags, header rows, the
 * title first in reading order, and notes tagged with the language of their script. Applied to
 * the finished XML, part by part.
 */

/** Office's "Mark as decorative" (ECMA-376 extension, PowerPoint 2019 and later). */
const DECORATIVE_EXT =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">' +
  '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>' +
  '</a:ext></a:extLst>';

const SHAPE = /<p:(sp|cxnSp|pic)>[\s\S]*?<\/p:\1>/g;

/**
 * A shape with no text and no alt text (a rule, a card, a bar) tells a listener nothing: mark
 * it decorative so that screen readers pass over it instead of announcing "rectangle".
 */
export function markDecorative(slideXml: string): string {
  return slideXml.replace(SHAPE, (shape) => {
    if (/<a:t>[^<]*\S[^<]*<\/a:t>/.test(shape) || /<p:cNvPr [^>]*descr="[^"]+"/.test(shape)) return shape;
    if (shape.includes('{C183D7F6-B498-43B3-948B-1728B52AA6E4}')) return shape;
    return shape
      .replace(/(<p:cNvPr [^>]*?)\/>/, `$1>${DECORATIVE_EXT}</p:cNvPr>`)
      .replace(/(<p:cNvPr [^>]*[^/]>)([\s\S]*?)<\/p:cNvPr>/, (_, open: string, inner: string) =>
        inner.includes(DECORATIVE_EXT) ? `${open}${inner}</p:cNvPr>` : `${open}${inner}${DECORATIVE_EXT}</p:cNvPr>`,
      );
  });
}

/** Every table briefdeck writes starts with its header row: say so, so it is read as one. */
export function markHeaderRows(slideXml: string): string {
  return slideXml
    .replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1"/>')
    .replace(/<a:tblPr(?![^>]*firstRow=)([^>]*)>/g, '<a:tblPr firstRow="1"$1>');
}

/** Screen readers read shapes in tree order: put the title placeholder first. */
export function titleFirst(slideXml: string): string {
  const title = [...slideXml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].find((m) =>
    /<p:ph[^>]*type="(?:title|ctrTitle)"/.test(m[0]),
  );
  const treeStart = /<\/p:grpSpPr>/.exec(slideXml);
  if (!title || !treeStart || title.index! < treeStart.index) return slideXml;
  const at = treeStart.index + treeStart[0].length;
  if (title.index === at) return slideXml;
  const without = slideXml.slice(0, title.index) + slideXml.slice(title.index! + title[0].length);
  return without.slice(0, at) + title[0] + without.slice(at);
}

/** pptxgenjs tags every run of the notes en-US: tag each by its script, as slide text is. */
export function tagNotesLanguage(notesXml: string, deckLang: string): string {
  return notesXml.replace(
    /<a:r><a:rPr([^>]*?)lang="[^"]*"([^>]*)>([\s\S]*?)<a:t>([^<]*)<\/a:t><\/a:r>/g,
    (_, before: string, after: string, inner: string, text: string) => {
      const lang = runLang(text, deckLang);
      const alt = after.replace(/ altLang="[^"]*"/, ` altLang="${lang}"`);
      return `<a:r><a:rPr${before}lang="${lang}"${alt}>${inner}<a:t>${text}</a:t></a:r>`;
    },
  );
}
