// Required configuration is read once, through here, and a missing variable is named at start
// rather than discovered as `undefined` deep inside a request.
export class MissingEnvError extends Error {
  constructor(readonly variable: string) {
    super(`environment variable ${variable} is required but not set`);
    this.name = 'MissingEnvError';
  }
}

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name];
  if (v === undefined || v === '') throw new MissingEnvError(name);
  return v;
}

export function optionalEnv(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}
