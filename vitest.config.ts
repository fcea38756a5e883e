import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '.fazhi/**', '**/cdk.out/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Limits, not measures: on the 2-core CI machine a story test that makes and reads back a PDF
    // beside the fuzz and synth suites has taken over 60 s (they pass in ~10 s alone).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Handlers log JSON at INFO in production; in the suite only warnings and errors are worth reading.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: '.fazhi/test-results.json' },
  },
});
