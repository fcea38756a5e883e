import { html, type RawHtml } from './html';
import type { OpenApiDocument } from './types';

// The "Integrating a department" chapter of the API reference: what a department's developer
// needs before the route list makes sense. Routes it mentions are linked when the document has them.

function findRoutes(doc: OpenApiDocument, method: string, pattern: RegExp): RawHtml[] {
  const found: RawHtml[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const operation = item[method as keyof typeof item];
    if (operation && pattern.test(path)) {
      found.push(html`<a href="#op-${operation.operationId}"><code>${method.toUpperCase()} ${path}</code></a> `);
    }
  }
  return found;
}

function routesNote(routes: RawHtml[]): RawHtml {
  return routes.length > 0 ? html`<p>接口 Routes: ${routes}</p>` : html``;
}

/** The verification code shown to departments; a test runs it against a real HMAC. */
export const WEBHOOK_VERIFY_SNIPPET = `import { createHmac, timingSafeEqual } from 'node:crypto';

const TOLERANCE_SECONDS = 300; // 5 minutes

// rawBody: the request body exactly as received (Buffer), before any JSON parsing
// header: the X-Fazhi-Signature header, "t=<unix seconds>,v1=<hex>"
export function verifyFazhiSignature(rawBody, header, webhookSecret, nowSeconds = Math.floor(Date.now() / 1000)) {
  const fields = new Map(String(header ?? '').split(',').map((f) => f.trim().split('=')));
  const t = fields.get('t') ?? '';
  const v1 = fields.get('v1') ?? '';
  if (!/^[0-9]{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(nowSeconds - Number(t)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', webhookSecret).update(t + '.').update(rawBody).digest('hex');
  return timingSafeEqual(Buffer.from(expected), Buffer.from(v1));
}`;

const POST_SNIPPET = `POST /v1/… HTTP/1.1
Authorization: Bearer fz_…
Idempotency-Key: 01KJP4C580PPCE3J2ZETH2AT29
Content-Type: application/json`;

/** The publish body as the publish route takes it: PutEvents-like `entries` when its schema has them. */
function publishExample(doc: OpenApiDocument, detailType: string, detail: unknown): unknown {
  const body = doc.paths['/v1/events']?.post?.requestBody?.content['application/json']?.schema;
  const properties = body?.properties as Record<string, unknown> | undefined;
  return properties && 'entries' in properties ? { entries: [{ detailType, detail }] } : { detailType, detail };
}

export function renderIntegrationGuide(doc: OpenApiDocument, sample: { detailType: string; data: unknown }): RawHtml {
  const postedExample = publishExample(doc, sample.detailType, {
    data: sample.data,
    meta: { correlationId: 'SJ-2026-0312' },
  });
  const publish = findRoutes(doc, 'post', /\/events$/);
  const inbox = findRoutes(doc, 'get', /inbox/);
  const receipts = [...findRoutes(doc, 'post', /receipt/), ...findRoutes(doc, 'get', /receipt/)];
  return html`<section id="integrating" class="guide">
  <h2>部门系统接入 <span class="en">Integrating a department</span></h2>

  <h3>1. 认证 <span class="en">Authentication</span></h3>
  <p>每个部门系统使用平台管理员签发的接口密钥，放在 <code>Authorization</code> 头中。事件的来源
  <code>dept.&lt;departmentId&gt;</code> 由平台根据密钥确定，请求体中的任何来源字段都不被采信。</p>
  <p class="en">Each department system calls with the API key the platform administrator issued to it, in the
  <code>Authorization: Bearer fz_…</code> header. The platform stamps the event source
  <code>dept.&lt;departmentId&gt;</code> from the key; it never takes it from the body. Keep the key secret;
  ask for a new one if it leaks. People use the web front end with a signed-in session (JWT) instead.</p>
  <pre>${POST_SNIPPET}</pre>

  <h3>2. 幂等键 <span class="en">Idempotency-Key</span></h3>
  <p>每个 POST 请求都要带 <code>Idempotency-Key</code> 头（如 ULID）。网络超时后用同一个键、同一请求体重试，平台返回第一次的结果，不会重复执行；
  同一个键配不同的请求体会被拒绝（409）；新的业务请求使用新的键。</p>
  <p class="en">Send an <code>Idempotency-Key</code> header (e.g. a ULID) with every POST. After a timeout, retry
  with the same key and body: the platform answers with the first result instead of acting twice. The same key
  with a different body is refused (409). Use a new key for each new request.</p>

  <h3>3. 发布事件 <span class="en">Publishing an event</span></h3>
  <p>事件类型见下文“事件目录”。部门只提交 <code>data</code> 与可选的 <code>meta.occurredAt</code>、<code>meta.correlationId</code>；
  事件 ID、版本号由平台填写。平台按目录校验数据、核对发布权限，并只投递给有权接收的部门；
  指定了 <code>targetDepartments</code> 时，无权接收的部门会在响应中列出。</p>
  <p class="en">The event types are in the Event catalog below. A department sends <code>data</code> and, optionally,
  <code>meta.occurredAt</code> and <code>meta.correlationId</code>; the platform fills the event id and schema
  version, validates the data against the catalog, checks the department may publish the type, and delivers it
  only to departments entitled to receive it. When <code>targetDepartments</code> names a department that is not
  entitled, the answer lists it as refused.</p>
  ${routesNote(publish)}
  <pre>${JSON.stringify(postedExample, null, 2)}</pre>

  <h3>4. 推送（Webhook）<span class="en">Webhooks</span></h3>
  <p>部门可登记一个 HTTPS 地址接收推送。每次推送的请求体是完整事件，并带有签名头：</p>
  <p class="en">A department may register an HTTPS endpoint. Each delivery POSTs the event as JSON with:</p>
  <ul>
    <li><code>X-Fazhi-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code> — HMAC-SHA256 of
    <code>&lt;t&gt;.&lt;raw request body&gt;</code>, keyed with the department's webhook secret, in lower-case hex.
    用本部门的 webhook 密钥对“时间戳.原始请求体”计算 HMAC-SHA256；时间戳在签名内，不能被替换。</li>
    <li><code>X-Fazhi-Timestamp</code> — when the platform sent it (ISO 8601; the signed <code>t</code> is the same instant). 发送时间。</li>
    <li><code>X-Fazhi-Event-Id</code> — the event's <code>meta.eventId</code>. 事件 ID，用于去重。</li>
  </ul>
  <p>先对收到的原始字节验签，再解析 JSON；使用常量时间比较；拒绝 <code>t</code> 与本机时间相差超过 5 分钟的推送，并在该时间窗内按事件 ID
  去重，以防重放。投递至少一次、可能乱序。返回 2xx 表示已接收，其他状态码平台会重试；平台不跟随重定向，只读取应答的前 64 KB。</p>
  <p class="en">Verify the signature over the raw bytes before parsing the JSON, with a constant-time comparison;
  refuse a delivery whose <code>t</code> is more than 5 minutes from your clock, and deduplicate on the event id
  within that window, so a captured delivery cannot be replayed. Delivery is at least once and may be out of
  order. Answer 2xx once the event is stored; any other answer is retried. Redirects are not followed and at most
  64 KB of the answer is read. docs/WEBHOOKS.md has a Java receiver too.</p>
  <pre>${WEBHOOK_VERIFY_SNIPPET}</pre>

  <h3>5. 收件箱拉取 <span class="en">Inbox pull feed</span></h3>
  <p>没有对外地址的部门可定时拉取收件箱：按接收顺序分页返回，保存上一页返回的游标，下次从游标继续。</p>
  <p class="en">A department without a reachable endpoint polls its inbox instead: events come in the order the
  platform received them, a page at a time; keep the cursor from the last page and continue from it.</p>
  ${routesNote(inbox)}

  <h3>6. 回执 <span class="en">Receipts</span></h3>
  <p>收到并处理事件后提交回执，发送部门和监督部门可以看到每个接收部门的签收情况。</p>
  <p class="en">After receiving and handling an event, post a receipt: the sender and supervising departments see,
  per recipient, whether and when it was received.</p>
  ${routesNote(receipts)}

  <h3>7. 错误 <span class="en">Errors</span></h3>
  <p>所有错误都以 <code>application/problem+json</code>（RFC 9457）返回：按 <code>type</code> 判断错误类别，
  校验错误在 <code>errors</code> 中逐项列出。</p>
  <p class="en">Every error is <code>application/problem+json</code> (RFC 9457): branch on <code>type</code>;
  validation errors list each field in <code>errors</code>. See the <a href="#schema-Problem">Problem</a> schema.</p>
</section>`;
}
