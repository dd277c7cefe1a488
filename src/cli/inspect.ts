import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { formatInspection, inspectPptx } from '../inspect/index.js';

interface InspectIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** `briefdeck inspect deck.pptx`: 0 printed, 1 not a readable .pptx, 2 no such file. */
export async function inspectCommand(file: string, flags: { format: 'text' | 'json' }, io: InspectIo): Promise<number> {
  const path = resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    io.stderr(`briefdeck: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  try {
    const deck = await inspectPptx(bytes);
    io.stdout(flags.format === 'json' ? `${JSON.stringify(deck, null, 2)}\n` : formatInspection(deck));
    return 0;
  } catch (e) {
    io.stderr(`${relative(io.cwd, path) || file}: not a readable .pptx: ${(e as Error).message}\n`);
    return 1;
  }
}
