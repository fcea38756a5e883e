import { fileURLToPath } from 'node:url';

// Resolved from this file, not from the working directory, so `cdk synth` from the root and a
// vitest worker agree on where the repository is.
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_PATHS = {
  lockFile: fileURLToPath(new URL('../../pnpm-lock.yaml', import.meta.url)),
  schemasDir: fileURLToPath(new URL('../../events/schemas', import.meta.url)),
  webDistDir: fileURLToPath(new URL('../../packages/web/dist', import.meta.url)),
} as const;
