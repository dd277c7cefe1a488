import { resolve } from 'node:path';
import type { Host } from '../host/types.js';
import type { BuildOptions } from '../options.js';
import { findProjectDir, loadProject, type Project } from '../project.js';

/** Outlines of one project: built in one session, with the project's settings. */
export interface ProjectGroup {
  project: Project;
  outlines: string[];
}

/**
 * Sorts outlines into their projects (the nearest folder above each that holds briefdeck.yaml,
 * package.json or .git), or puts them all in the one `--project` names.
 */
export async function groupByProject(
  outlines: string[],
  given: string | undefined,
  host: Host,
  cwd: string,
  strict = false,
): Promise<ProjectGroup[]> {
  const groups = new Map<string, ProjectGroup>();
  for (const outline of outlines) {
    const found = given
      ? { dir: resolve(cwd, given), reason: '--project' as const }
      : await findProjectDir(outline, host);
    let group = groups.get(found.dir);
    if (!group) {
      group = { project: await loadProject(found.dir, found.reason, host, cwd, strict), outlines: [] };
      groups.set(found.dir, group);
    }
    group.outlines.push(outline);
  }
  return [...groups.values()];
}

/** The project's folder and settings under the command line's options. */
export function withProject(options: BuildOptions, project: Project): BuildOptions {
  return { ...options, projectDir: project.dir, settings: project.settings };
}
