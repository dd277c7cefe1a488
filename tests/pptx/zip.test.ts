import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../src/pptx/zip.js';
import { tempProject } from '../helpers/project.js';

const when = new Date('2025-10-27T13:45:30Z');
const entries = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types>'.padEnd(4000, ' ') + '</Types>'), store: false },
  { name: 'ppt/media/image-1.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]), store: true },
  { name: 'ppt/slides/幻灯片1.xml', data: Buffer.from('<p:sld>中文</p:sld>'), store: false },
  { name: 'docProps/empty.xml', data: Buffer.alloc(0), store: false },
];

describe('writeZip', () => {
  it('writes a zip other readers open, with the parts, order and time it was given', async () => {
    const zip = await JSZip.loadAsync(writeZip(entries, when));
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const e of entries) {
      expect(await zip.file(e.name)!.async('nodebuffer')).toEqual(e.data);
      // JSZip reads the DOS time as UTC; DOS times have 2-second steps.
      expect(zip.files[e.name]!.date.toISOString()).toBe('2025-10-27T13:45:30.000Z');
    }
  });

  it('stores media as they are and deflates the rest', () => {
    const listing = execFileSync('unzip', ['-v', writeToDisk(writeZip(entries, when))], { encoding: 'utf8' });
    expect(listing).toMatch(/\s9\s+Stored\s+9\s+0%.*ppt\/media\/image-1\.png/);
    expect(listing).toMatch(/4008\s+Defl:N\s+\d+\s+\d+%.*\[Content_Types\]\.xml/);
    expect(execFileSync('unzip', ['-tq', writeToDisk(writeZip(entries, when))], { encoding: 'utf8' })).toMatch(
      /No errors detected/,
    );
  });

  it('gives the same bytes for the same parts', () => {
    expect(writeZip(entries, when)).toEqual(writeZip(entries, when));
  });
});

describe('readZip', () => {
  it('reads back what writeZip wrote', () => {
    expect(readZip(writeZip(entries, when))).toEqual(entries.map(({ name, data }) => ({ name, data })));
  });

  it('reads zips written by JSZip, with sizes in data descriptors and folders left out', async () => {
    const zip = new JSZip();
    zip.folder('ppt');
    for (const e of entries) zip.file(e.name, e.data, { compression: e.store ? 'STORE' : 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer', streamFiles: true, comment: 'made by JSZip' });
    expect(readZip(bytes).map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(readZip(bytes).map((e) => e.data)).toEqual(entries.map((e) => e.data));
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just some text that is long enough'))).toThrow(/not a zip/);
  });
});

function writeToDisk(bytes: Buffer): string {
  const file = join(tempProject(), 'test.zip');
  writeFileSync(file, bytes);
  return file;
}
