import { useEffect, useState } from 'preact/hooks';

// Hash routes: deep links work from any static host (S3 + CloudFront, the local runtime) without rewrite rules.
export type Route =
  | { name: 'board' }
  | { name: 'login' }
  | { name: 'incidents' }
  | { name: 'incident-new' }
  | { name: 'incident'; id: string }
  | { name: 'roster' }
  | { name: 'stats' }
  | { name: 'mediation' }
  | { name: 'mediation-case'; id: string }
  | { name: 'mediation-report' }
  | { name: 'transfers' }
  | { name: 'transfer-new' }
  | { name: 'transfer-case'; id: string }
  | { name: 'apply' }
  | { name: 'survey'; token: string }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const [first, second, ...rest] = parts;
  if (parts.length === 0) return { name: 'board' };
  if (rest.length === 0) {
    if (first === 'login' && !second) return { name: 'login' };
    if (first === 'roster' && !second) return { name: 'roster' };
    if (first === 'stats' && !second) return { name: 'stats' };
    if (first === 'mediation') {
      if (!second) return { name: 'mediation' };
      try {
        return { name: 'mediation-case', id: decodeURIComponent(second) };
      } catch {
        return { name: 'not-found', path };
      }
    }
    if (first === 'mediation-report' && !second) return { name: 'mediation-report' };
    if (first === 'transfers') {
      if (!second) return { name: 'transfers' };
      if (second === 'new') return { name: 'transfer-new' };
      try {
        return { name: 'transfer-case', id: decodeURIComponent(second) };
      } catch {
        return { name: 'not-found', path };
      }
    }
    // The public pages, without sign-in: the online application and a party's satisfaction link.
    if (first === 'apply' && !second) return { name: 'apply' };
    if (first === 'survey' && second) return { name: 'survey', token: second };
    if (first === 'incidents') {
      if (!second) return { name: 'incidents' };
      if (second === 'new') return { name: 'incident-new' };
      try {
        return { name: 'incident', id: decodeURIComponent(second) };
      } catch {
        return { name: 'not-found', path };
      }
    }
  }
  return { name: 'not-found', path };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'board':
      return '#/';
    case 'incident':
      return `#/incidents/${encodeURIComponent(route.id)}`;
    case 'incident-new':
      return '#/incidents/new';
    case 'mediation-case':
      return `#/mediation/${encodeURIComponent(route.id)}`;
    case 'transfer-new':
      return '#/transfers/new';
    case 'transfer-case':
      return `#/transfers/${encodeURIComponent(route.id)}`;
    case 'survey':
      return `#/survey/${route.token}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
