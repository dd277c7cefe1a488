import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OverlayHost } from '../src/host/overlay.js';
import { resolveOptions } from '../src/options.js';

describe('options, resolved once', () => {
  it('put the output folder in the project by default, for the CLI and the library alike', async () => {
    const o = await resolveOptions({ cwd: '/w', projectDir: 'proj' }, new OverlayHost(), {});
    expect(o.projectDir).toBe('/w/proj');
    expect(o.outDir).toBe('/w/proj/out');
    expect(Object.isFrozen(o)).toBe(true);
  });

  it('read the environment only through the given record: SOURCE_DATE_EPOCH, the cache folder', async () => {
    const host = new OverlayHost().set('/w/node_modules/x', '');
    const env = { SOURCE_DATE_EPOCH: '1700000000', HOME: '/home/u' };
    const o = await resolveOptions({ cwd: '/w' }, host, env);
    expect(o.timestamp?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(o.cacheDir).toBe(join('/w', 'node_modules', '.cache', 'briefdeck'));
    const bare = await resolveOptions({ cwd: '/v' }, host, { HOME: '/home/u' });
    expect(bare.cacheDir).toBe('/home/u/.cache/briefdeck');
    expect(bare.timestamp).toBeUndefined();
    expect((await resolveOptions({ cwd: '/v' }, host, { BRIEFDECK_CACHE_DIR: '/c' })).cacheDir).toBe('/c');
    // A time a zip cannot hold is ignored rather than written wrong.
    expect((await resolveOptions({ cwd: '/v' }, host, { SOURCE_DATE_EPOCH: '1' })).timestamp).toBeUndefined();
  });
});
