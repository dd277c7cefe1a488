import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Chart workers and CLI child processes run dist/: compile it from the source under test first.
    globalSetup: ['tests/setup/compile.ts'],
    // End-to-end tests build real decks and render real charts.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
