import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Host } from './host/types.js';
import { validateAgainst } from './schema/validate.js';
import { displayPath } from './sources/paths.js';
import { readInputText } from './sources/read.js';
import { parseYamlSource, toPlain, yamlLocator } from './sources/yaml.js';

/**
 * A project is where its outlines are: the folder that outlines' paths may not leave, that
 * holds out/ and, optionally, briefdeck.yaml with the defaults of every build in it.
 */

export const PROJECT_FILE = 'briefdeck.yaml';
/** What marks a project's root, nearest first: its own settings, then a package, then a repository. */
export const PROJECT_MARKERS = [PROJECT_FILE, 'package.json', '.git'] as const;

const Shards = z.number().int().min(1).max(256);

/** briefdeck.yaml: defaults for builds in the project. Command-line options win over them. */
export const ProjectSettingsSchema = z
  .strictObject({
    out: z.string().min(1).describe('Output folder, relative to the project folder (default `out`).'),
    theme: z
      .string()
      .min(1)
      .describe('Theme for outlines that name none: a theme name, or a path relative to the project folder.'),
    strict: z.boolean().describe('Treat warnings as errors in every build and check.'),
    cache: z
      .union([z.string().min(1), z.literal(false)])
      .describe('Chart cache folder, relative to the project folder; false for none.'),
    shards: Shards.describe('How many runners split a build: `--shard K` then means `--shard K/shards`.'),
    decks: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('Outlines or folders of outlines that `build` and `check` take when given none.'),
  })
  .partial();

export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

/** Why a folder is the project: what was found there, or how it was chosen. */
export type ProjectReason = (typeof PROJECT_MARKERS)[number] | 'outline folder' | '--project';

export interface Project {
  dir: string;
  reason: ProjectReason;
  /** briefdeck.yaml's settings, checked; empty when there is none (or it has errors). */
  settings: ProjectSettings;
  /** Problems in briefdeck.yaml, with the texts to show them. */
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** The nearest folder at or above the outline's that holds a marker; else the outline's own folder. */
export async function findProjectDir(outlinePath: string, host: Host): Promise<{ dir: string; reason: ProjectReason }> {
  const start = dirname(resolve(outlinePath));
  for (let dir = start; ; dir = dirname(dir)) {
    for (const marker of PROJECT_MARKERS) {
      if (await host.exists(join(dir, marker))) return { dir, reason: marker };
    }
    if (dirname(dir) === dir) return { dir: start, reason: 'outline folder' };
  }
}

/** Reads and checks `<dir>/briefdeck.yaml` when there is one. */
export async function loadProject(
  dir: string,
  reason: ProjectReason,
  host: Host,
  cwd: string,
  strict = false,
): Promise<Project> {
  const project: Project = { dir, reason, settings: {}, diagnostics: [], texts: new Map() };
  const path = join(dir, PROJECT_FILE);
  if ((await host.stat(path))?.kind !== 'file') return project;
  const diagnostics = new Diagnostics(strict);
  const shown = displayPath(path, cwd);
  const text = await readInputText(host, path, 'outline', shown, diagnostics);
  if (text !== undefined) {
    project.texts.set(shown, text);
    const source = parseYamlSource(shown, path, text, diagnostics);
    const plain = source && toPlain(source, diagnostics);
    if (source && plain) {
      // An empty file (or one of comments only) is a marker with no settings.
      const settings = validateAgainst(ProjectSettingsSchema, plain.value ?? {}, yamlLocator(source), diagnostics);
      if (settings) project.settings = settings;
    }
  }
  project.diagnostics = diagnostics.sorted();
  return project;
}

/** What to say where a path leads out of the project: which folder that is, and the ways out. */
export function outsideProjectHint(projectDir: string, cwd: string): string {
  const shown = displayPath(projectDir, cwd);
  return (
    `the project folder is ${shown === '' ? '.' : shown} (the nearest folder above the outline with ` +
    `${PROJECT_FILE}, package.json or .git, else the outline's own folder): move the file into it, ` +
    'name a wider one with --project DIR, or build with --allow-outside-paths'
  );
}
