import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Says once how to run the tests on real ledgers when they are missing (test/helpers/datasets.ts).
    globalSetup: ['test/helpers/datasets-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // kam speaks the locale's language (--lang defaults to LC_ALL, LC_MESSAGES, LANG): the suite
    // runs in English whatever the developer's locale; tests of other languages say --lang or set these.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  },
});
