import { describe, expect, it } from 'vitest';
import { oneParagraphProperties } from '../../src/pptx/schema-order.js';

describe('oneParagraphProperties', () => {
  it('keeps the first a:pPr of a paragraph and drops the ones pptxgenjs writes before later runs', () => {
    const pPr = '<a:pPr algn="l"><a:lnSpc><a:spcPts val="2240"/></a:lnSpc><a:buNone/></a:pPr>';
    const run = (t: string) => `<a:r><a:rPr lang="zh-CN"/><a:t>${t}</a:t></a:r>`;
    const xml = `<p:txBody><a:p>${pPr}${run('政策')}<a:br/>${pPr}${run('·')}<a:pPr/>${run('2025')}</a:p><a:p>${pPr}${run('x')}</a:p></p:txBody>`;
    expect(oneParagraphProperties(xml)).toBe(
      `<p:txBody><a:p>${pPr}${run('政策')}<a:br/>${run('·')}${run('2025')}</a:p><a:p>${pPr}${run('x')}</a:p></p:txBody>`,
    );
  });

  it('leaves paragraphs that are already valid byte for byte', () => {
    const xml = '<a:p><a:pPr/><a:r><a:t>a</a:t></a:r></a:p><a:p><a:r><a:t>b</a:t></a:r></a:p>';
    expect(oneParagraphProperties(xml)).toBe(xml);
  });
});
