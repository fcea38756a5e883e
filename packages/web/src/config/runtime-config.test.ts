import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cognitoConfigOf, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

const DEPLOYED = {
  apiUrl: 'https://abc123.execute-api.cn-north-1.amazonaws.com.cn/',
  region: 'cn-north-1',
  userPoolId: 'cn-north-1_AbCdEf',
  userPoolClientId: '4k2example',
};

describe('parseRuntimeConfig', () => {
  it('reads the config the CDK stack deploys', () => {
    // Act
    const config = parseRuntimeConfig(JSON.stringify(DEPLOYED), 'application/json');

    // Assess
    expect(config).toEqual(DEPLOYED);
    expect(cognitoConfigOf(config)).toEqual({ region: 'cn-north-1', userPoolClientId: '4k2example' });
  });

  it('takes the SPA fallback (index.html) for "no config", whatever its status said', () => {
    const html = '<!doctype html><html lang="zh-CN"><body><div id="app"></div></body></html>';
    expect(parseRuntimeConfig(html, 'text/html; charset=utf-8')).toBeUndefined();
    expect(parseRuntimeConfig(html, null)).toBeUndefined();
    expect(parseRuntimeConfig(JSON.stringify(DEPLOYED), 'text/html')).toBeUndefined();
  });

  it('needs a user pool client and a well-formed region for Cognito', () => {
    expect(
      cognitoConfigOf(parseRuntimeConfig('{"apiUrl":"https://api.example.cn"}', 'application/json')),
    ).toBeUndefined();
    expect(cognitoConfigOf({ userPoolClientId: 'x', region: 'evil.example.com/#' })).toBeUndefined();
    expect(cognitoConfigOf({ userPoolClientId: 'x', userPoolId: 'cn-northwest-1_Q' })).toEqual({
      region: 'cn-northwest-1',
      userPoolClientId: 'x',
    });
  });

  it('drops an apiUrl that is not http(s) and a region that is not a region', () => {
    const config = parseRuntimeConfig(
      JSON.stringify({ ...DEPLOYED, apiUrl: 'javascript:alert(1)', region: 'cn-north-1.evil' }),
      'application/json',
    );
    expect(config?.apiUrl).toBeUndefined();
    expect(config?.region).toBeUndefined();
  });

  it('never throws and never invents a client id, whatever the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.option(fc.string(), { nil: null }), (body, type) => {
        const config = parseRuntimeConfig(body, type);
        if (config?.userPoolClientId) expect(body).toContain(config.userPoolClientId);
        if (config?.apiUrl) expect(['http:', 'https:']).toContain(new URL(config.apiUrl).protocol);
      }),
    );
  });
});

describe('loadRuntimeConfig', () => {
  const answer =
    (body: string, init: ResponseInit): typeof fetch =>
    async () =>
      new Response(body, init);

  it('loads config.json when the deployment put one there', async () => {
    const fetch = answer(JSON.stringify(DEPLOYED), { status: 200, headers: { 'Content-Type': 'application/json' } });
    expect(await loadRuntimeConfig({ fetch, url: '/config.json' })).toEqual(DEPLOYED);
  });

  it('is undefined locally: a 404, the SPA fallback, or no network', async () => {
    const notFound = answer('{"title":"Not found"}', {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const fallback = answer('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await loadRuntimeConfig({ fetch: notFound })).toBeUndefined();
    expect(await loadRuntimeConfig({ fetch: fallback })).toBeUndefined();
    expect(await loadRuntimeConfig({ fetch: offline })).toBeUndefined();
  });
});
