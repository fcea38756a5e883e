// Matches requests to the wirings' routes with API Gateway's path-template rules.
import { decodeComponent } from '@fazhi/platform/http/edge';
import type { FunctionWiring, RouteWiring } from '@fazhi/platform/wiring';

export interface CompiledRoute {
  route: RouteWiring;
  fn: FunctionWiring;
  routeKey: string;
  regex: RegExp;
  params: string[];
}

export function compileRoutes(functions: FunctionWiring[]): CompiledRoute[] {
  const seen = new Set<string>();
  const out: CompiledRoute[] = [];
  for (const fn of functions) {
    for (const route of fn.routes ?? []) {
      const routeKey = `${route.method} ${route.path}`;
      if (seen.has(routeKey)) throw new Error(`route ${routeKey} is declared twice (second time by ${fn.name})`);
      seen.add(routeKey);
      const params: string[] = [];
      const source = route.path
        .split('/')
        .map((seg) => {
          const m = /^\{(\w+)\}$/.exec(seg);
          if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          params.push(m[1]!);
          return '([^/]+)';
        })
        .join('/');
      out.push({ route, fn, routeKey, regex: new RegExp(`^${source}$`), params });
    }
  }
  // Literal segments win over parameters, as in API Gateway.
  return out.sort((a, b) => b.route.path.replace(/\{\w+\}/g, '').length - a.route.path.replace(/\{\w+\}/g, '').length);
}

export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { hit?: { r: CompiledRoute; params: Record<string, string> }; pathExists: boolean } {
  let pathExists = false;
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    pathExists = true;
    if (r.route.method !== method) continue;
    // The path was checked whole at the gateway; a parameter is decoded here, as API Gateway does.
    const params = Object.fromEntries(r.params.map((p, i) => [p, decodeComponent(m[i + 1]!, `parameter ${p}`)]));
    return { hit: { r, params }, pathExists };
  }
  return { pathExists };
}
