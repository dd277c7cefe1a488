import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, tempProject } from '../helpers/project.js';
import { run } from './helpers.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  if?: string;
  needs?: string[];
  steps: Step[];
  strategy?: { matrix: Record<string, unknown[]> };
  env?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { paths?: string[]; inputs?: Record<string, unknown> } | { cron: string }[] | null>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(join(REPO, '.github/workflows/decks.yml'), 'utf8')) as Workflow;

/**
 * Every `npx briefdeck …` a job runs, as words: an option added by an expression
 * (`${{ inputs.force && '--force' || '' }}`) as that option, other expressions without spaces.
 */
function briefdeckCommands(job: Job): string[][] {
  return job.steps
    .flatMap((s) => (s.run ?? '').split(/\n(?!\s)/))
    .map((line) =>
      line
        .replace(/\$\{\{[^}]*'(--[\w-]+)' \|\| '' \}\}/g, '$1')
        .replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, e: string) => `\${{${e.replace(/\s/g, '')}}}`)
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.startsWith('npx briefdeck '))
    .map((line) => line.slice('npx briefdeck '.length).split(' '));
}

describe('the decks workflow', () => {
  it('runs on a schedule, on demand, and on pushes and pull requests that touch decks, data or templates', () => {
    const schedule = workflow.on.schedule as { cron: string }[];
    expect(schedule[0]!.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    for (const event of ['push', 'pull_request'] as const) {
      const paths = (workflow.on[event] as { paths: string[] }).paths;
      expect(paths).toEqual(expect.arrayContaining(['decks/**', 'data/**', 'templates/**', 'briefdeck.yaml']));
    }
  });

  it('has a one-runner build, a sharded matrix build, and a summary of both', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'build-shards', 'summary']);
    const shards = workflow.jobs['build-shards']!;
    const matrix = shards.strategy!.matrix.shard as number[];
    // The matrix lists 1..N, and N is what --shard is given.
    expect(matrix).toEqual(Array.from({ length: Number(shards.env!.SHARDS) }, (_, i) => i + 1));
    expect(briefdeckCommands(shards).find((c) => c[0] === 'build')).toEqual(
      expect.arrayContaining(['--shard', '${{matrix.shard}}/${{env.SHARDS}}', '--force']),
    );
    // Exactly one of the two build jobs runs.
    expect(workflow.jobs.build!.if).toBe("vars.DECKS_SHARDED != 'true'");
    expect(shards.if).toBe("vars.DECKS_SHARDED == 'true'");
    expect(workflow.jobs.summary!.needs).toEqual(['build', 'build-shards']);
  });

  it('installs the Debian packages the set-up script installs, caches npm and the chart cache, uploads decks, previews and reports', () => {
    const setup = readFileSync(join(REPO, 'scripts/setup.sh'), 'utf8');
    const fromSetup = /APT_PACKAGES="([^"]+)"/.exec(setup)![1]!.split(/\s+/).sort();
    expect(workflow.env.APT_PACKAGES!.split(/\s+/).sort()).toEqual(fromSetup);
    for (const name of ['build', 'build-shards']) {
      const steps = workflow.jobs[name]!.steps;
      expect(steps.some((s) => s.uses?.startsWith('actions/setup-node@') && s.with?.cache === 'npm')).toBe(true);
      const restore = steps.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
      expect(String(restore.with!.path)).toContain('.briefdeck-cache');
      // out/ holds the manifest: without it every deck would be rebuilt.
      expect(String(restore.with!.path)).toContain('out');
      expect(steps.some((s) => s.uses?.startsWith('actions/cache/save@') && s.if === 'always()')).toBe(true);
      expect(steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => s.with!.path)).toEqual([
        'out/*.pptx',
        'out/preview/',
        'reports/',
      ]);
      const commands = briefdeckCommands(workflow.jobs[name]!).map((c) => c[0]);
      expect(commands).toEqual(['check', 'build']);
    }
    expect(workflow.env.BRIEFDECK_CACHE_DIR).toContain('.briefdeck-cache');
    const summary = workflow.jobs.summary!.steps.map((s) => s.run ?? '').join('\n');
    expect(summary).toContain('$GITHUB_STEP_SUMMARY');
    expect(summary).toContain('gh pr comment');
  });

  it('runs only briefdeck commands and options that exist', async () => {
    const dir = tempProject();
    const commands = Object.values(workflow.jobs).flatMap(briefdeckCommands);
    expect(commands.length).toBe(4);
    for (const [command, ...args] of commands) {
      const help = await run([command!, '--help'], dir);
      expect(help.code, command).toBe(0);
      for (const option of args.filter((a) => a.startsWith('--'))) {
        expect(help.out, `${command} ${option}`).toMatch(new RegExp(`(^|[ ,])${option}( |,|\\n)`, 'm'));
      }
    }
  });
});
