import { createHmac } from 'node:crypto';
import { catalog } from '@fazhi/events/catalog';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from '../webhook-sender';
import { renderDocsPage } from './docs-page';
import { buildOpenApi } from './generate';
import { escapeHtml } from './html';
import { WEBHOOK_VERIFY_SNIPPET } from './integration-guide';
import { testWirings } from './test-wirings';

const doc = buildOpenApi({ functions: testWirings, catalog });
const page = renderDocsPage(doc);

describe('renderDocsPage', () => {
  it('is one HTML document in Chinese first', () => {
    // Assess
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows every path with its method', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        expect(page, `${method} ${path}`).toContain(
          `<span class="method m-${method}">${method.toUpperCase()}</span> <code class="path">${escapeHtml(path)}</code>`,
        );
      }
    }
  });

  it('shows auth and roles of a route', () => {
    // Act
    const ack = page.slice(page.indexOf('id="op-postV1AlertsByIdAck"'));
    // Assess
    expect(ack).toContain('用户登录（JWT） · Signed-in user (JWT)');
    expect(ack).toContain('<code>duty-officer</code>, <code>duty-leader</code>');
  });

  it('shows every catalog event with its title, rights and example', () => {
    for (const entry of catalog) {
      // Act
      const start = page.indexOf(`id="event-${entry.detailType}-v${entry.version}"`);
      const card = page.slice(start, page.indexOf('</article>', start));
      // Assess
      expect(start, entry.detailType).toBeGreaterThan(0);
      expect(card).toContain(escapeHtml(entry.title));
      expect(card).toContain(escapeHtml(entry.titleEn));
      expect(card).toContain(escapeHtml(entry.example.meta.eventId));
    }
    expect(page).toContain('行政执法机关 <code>enforcement</code>');
    expect(page).toContain('<code>data.responsibleDepartmentId</code>');
  });

  it('explains how a department integrates', () => {
    // Assess
    for (const text of [
      'Authorization: Bearer fz_',
      'Idempotency-Key',
      'X-Fazhi-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;',
      'X-Fazhi-Timestamp',
      'HMAC-SHA256',
      'Inbox pull feed',
      'Receipts',
      'application/problem+json',
    ]) {
      expect(page).toContain(text);
    }
    expect(page).toContain('<a href="#op-getV1Inbox"><code>GET /v1/inbox</code></a>');
    expect(page).toContain('<a href="#op-postV1EventsByEventIdReceipts">');
    expect(page).toContain('&quot;detailType&quot;: &quot;EnforcementLead.Shared&quot;');
  });

  it('escapes text from the wiring instead of rendering it as markup', () => {
    // Assess
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('确认预警 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(page).toContain('&quot;quotes&quot; and &#39;apostrophes&#39;');
  });

  it('loads nothing from outside the page', () => {
    // Assess
    expect(page).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(page).not.toMatch(/\b(src|href)\s*=\s*"(?!#)/i);
    expect(page).toContain("default-src 'none'");
  });

  it('links only to anchors that exist on the page', () => {
    // Prepare
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    // Act
    const broken = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((id) => !ids.has(id));
    // Assess
    expect(broken).toEqual([]);
  });

  it('links $refs in schemas to their component', () => {
    // Assess
    expect(page).toContain('<a href="#schema-DepartmentRef">#/components/schemas/DepartmentRef</a>');
    expect(page).toContain('id="schema-Problem"');
  });
});

describe('the webhook verification snippet shown to departments', () => {
  it("accepts the platform's signature within 5 minutes, refuses a stale, tampered, re-timed or foreign one", async () => {
    // Prepare
    const module = (await import(`data:text/javascript,${encodeURIComponent(WEBHOOK_VERIFY_SNIPPET)}`)) as {
      verifyFazhiSignature: (body: Buffer, header: string | undefined, secret: string, now?: number) => boolean;
    };
    const secret = 'whsec-test';
    const body = Buffer.from(JSON.stringify({ meta: { eventId: '01KJP4C580PPCE3J2ZETH2AT29' }, data: { 名: '值' } }));
    const t = 1_800_000_000;
    const header = signatureHeader(secret, body.toString('utf8'), t);
    const v1 = header.split('v1=')[1];
    // Act
    const results = [
      module.verifyFazhiSignature(body, header, secret, t),
      module.verifyFazhiSignature(body, header, secret, t + 299),
      module.verifyFazhiSignature(body, header, secret, t + 301),
      module.verifyFazhiSignature(body, `t=${t + 100},v1=${v1}`, secret, t + 100),
      module.verifyFazhiSignature(Buffer.concat([body, Buffer.from(' ')]), header, secret, t),
      module.verifyFazhiSignature(body, header, 'other-secret', t),
      module.verifyFazhiSignature(body, `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, secret, t),
      module.verifyFazhiSignature(body, undefined, secret, t),
    ];
    // Assess
    expect(results).toEqual([true, true, false, false, false, false, false, false]);
  });
});
