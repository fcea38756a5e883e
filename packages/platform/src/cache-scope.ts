// In Lambda every function has its own module instances, so a module-level cache is per function.
// The local runtime runs every function in one process: it sets the scope to the running
// function, so a cache warmed by one function never answers another (which would also hide, from
// the local access guard, a read the other function's wiring does not grant).
let scope: () => string = () => '';

export function setCacheScope(current: () => string): void {
  scope = current;
}

export function cacheScope(): string {
  return scope();
}
