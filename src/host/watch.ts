import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Watcher {
  close(): void;
}

/**
 * Calls `onChange` when any of `paths` is written, replaced, created or removed. Folders are
 * watched, not files: an editor that saves by writing a new file and renaming it over the old
 * one replaces the very file a file watch would follow. A path whose folder does not exist yet
 * (a theme that would be found if it were added) is watched from its nearest existing folder.
 */
export function watchPaths(paths: Iterable<string>, onChange: (path: string) => void): Watcher {
  const byDir = new Map<string, Set<string>>();
  const add = (dir: string, name: string) => {
    const names = byDir.get(dir) ?? new Set<string>();
    names.add(name);
    byDir.set(dir, names);
  };
  for (const path of paths) add(dirname(path), basename(path));
  const watchers: FSWatcher[] = [];
  const pending = [...byDir.entries()];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const [dir, names] = next;
    try {
      const w = watch(dir, (_event, name) => {
        const file = name?.toString();
        if (file && names.has(file)) onChange(join(dir, file));
      });
      // A folder removed while watched ends its watch; the next build watches afresh.
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      if (dirname(dir) !== dir) pending.push([dirname(dir), new Set([basename(dir)])]);
    }
  }
  return {
    close() {
      for (const w of watchers) w.close();
    },
  };
}
