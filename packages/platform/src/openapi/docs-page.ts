import type { Audience, DepartmentKind } from '@fazhi/events/catalog';
import { escapeHtml, html, type RawHtml, raw } from './html';
import { renderIntegrationGuide } from './integration-guide';
import { AUTH_LABELS, DEPARTMENT_KIND_LABELS } from './labels';
import type { CatalogDoc, HttpMethod, JsonSchema, OpenApiDocument, Operation, Parameter } from './types';

// /docs: the API reference as one self-contained HTML page rendered from /openapi.json. No
// script and no CDN: it must open from a government intranet or a file, and the Content-Security-Policy
// below forbids anything but its own inline styles.

const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

/** Pretty JSON with `$ref`s to components turned into links to their section. */
function jsonBlock(value: unknown): RawHtml {
  const escaped = escapeHtml(JSON.stringify(value, null, 2) ?? 'null');
  const linked = escaped.replace(
    /&quot;#\/components\/schemas\/([A-Za-z0-9._-]+)&quot;/g,
    (_m, name: string) => `&quot;<a href="#schema-${name}">#/components/schemas/${name}</a>&quot;`,
  );
  return html`<pre class="json">${raw(linked)}</pre>`;
}

function schemaDetails(label: string, schema: JsonSchema, open = false): RawHtml {
  return html`<details${raw(open ? ' open' : '')}><summary>${label}</summary>${jsonBlock(schema)}</details>`;
}

function parametersTable(parameters: Parameter[]): RawHtml {
  if (parameters.length === 0) return html``;
  return html`<table class="params">
  <thead><tr><th>参数 Parameter</th><th>位置 In</th><th>必填 Required</th><th>类型 Schema</th><th>说明 Description</th></tr></thead>
  <tbody>${parameters.map(
    (p) =>
      html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? '是 yes' : '否 no'}</td><td><code>${JSON.stringify(p.schema)}</code></td><td>${p.description ?? ''}</td></tr>`,
  )}</tbody>
</table>`;
}

function operationCard(path: string, method: HttpMethod, op: Operation): RawHtml {
  const auth = AUTH_LABELS[op['x-fazhi-auth']];
  const roles = op['x-fazhi-roles'] ?? [];
  const body = op.requestBody?.content['application/json']?.schema;
  return html`<article class="op" id="op-${op.operationId}">
  <h4><span class="method m-${method}">${method.toUpperCase()}</span> <code class="path">${path}</code></h4>
  <p class="summary">${op.summary}</p>
  ${op.description ? html`<p class="desc">${op.description}</p>` : ''}
  <dl class="facts">
    <dt>认证 Auth</dt><dd>${auth.zh} · ${auth.en}</dd>
    <dt>角色 Roles</dt><dd>${roles.length > 0 ? roles.map((r, i) => html`${i > 0 ? ', ' : ''}<code>${r}</code>`) : '—'}</dd>
    <dt>函数 Function</dt><dd><code>${op['x-fazhi-function']}</code></dd>
  </dl>
  ${parametersTable(op.parameters ?? [])}
  ${body ? schemaDetails('请求体 Request body (application/json)', body, true) : ''}
  <h5>响应 Responses</h5>
  ${Object.entries(op.responses).map(([status, response]) => {
    const content = Object.entries(response.content ?? {});
    return html`<div class="response"><span class="status s-${status.charAt(0)}">${status}</span> ${response.description}
      ${content.map(([type, media]) => schemaDetails(type, media.schema))}</div>`;
  })}
</article>`;
}

function audienceText(audience: Audience): RawHtml {
  const parts: RawHtml[] = [];
  if (audience.platform) parts.push(html`<li>平台服务 <span class="en">platform service</span></li>`);
  if (audience.kinds?.length) {
    parts.push(
      html`<li>部门类型 <span class="en">kinds</span>: ${audience.kinds.map(
        (k: DepartmentKind, i) => html`${i > 0 ? '、' : ''}${DEPARTMENT_KIND_LABELS[k] ?? k} <code>${k}</code>`,
      )}</li>`,
    );
  }
  if (audience.departments?.length) {
    parts.push(
      html`<li>指定部门 <span class="en">departments</span>: ${audience.departments.map((d) => html`<code>${d}</code> `)}</li>`,
    );
  }
  if (audience.fromData?.length) {
    parts.push(
      html`<li>数据字段所指部门 <span class="en">the department named in</span> ${audience.fromData.map((f) => html`<code>data.${f}</code> `)}</li>`,
    );
  }
  return html`<ul class="audience">${parts}</ul>`;
}

function eventCard(event: CatalogDoc, schemas: Record<string, JsonSchema>): RawHtml {
  const schemaName = event.schema.$ref.split('/').pop() ?? '';
  const schema = schemas[schemaName];
  return html`<article class="event" id="event-${event.detailType}-v${event.version}">
  <h4>${event.title} <span class="en">${event.titleEn}</span></h4>
  <p><code class="dt">${event.detailType}</code> <span class="ver">v${event.version}</span></p>
  <p>${event.description}</p>
  ${event.descriptionEn ? html`<p class="en">${event.descriptionEn}</p>` : ''}
  <div class="rights">
    <div><h5>发布方 Publishers</h5>${audienceText(event.publishers)}</div>
    <div><h5>接收方 Subscribers</h5>${audienceText(event.subscribers)}</div>
  </div>
  ${schemaDetails('示例 Example', event.example as JsonSchema, true)}
  ${schema ? schemaDetails(`JSON Schema (${schemaName})`, schema) : ''}
</article>`;
}

interface TagGroup {
  name: string;
  description?: string;
  operations: { path: string; method: HttpMethod; op: Operation }[];
}

function groupByTag(doc: OpenApiDocument): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const tag of doc.tags) groups.set(tag.name, { ...tag, operations: [] });
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags[0] ?? 'default';
      const group = groups.get(tag) ?? { name: tag, operations: [] };
      group.operations.push({ path, method, op });
      groups.set(tag, group);
    }
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}

const STYLE = `
:root { --ink:#1d2433; --muted:#5b6478; --line:#d9dee8; --bg:#f6f7fb; --card:#fff; --accent:#a61b29; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",system-ui,sans-serif; color:var(--ink); background:var(--bg); }
header { background:var(--accent); color:#fff; padding:20px 32px; }
header h1 { margin:0; font-size:24px; } header p { margin:4px 0 0; opacity:.9; }
.layout { display:grid; grid-template-columns: 260px 1fr; gap:24px; padding:24px 32px; }
nav { position:sticky; top:16px; align-self:start; max-height:calc(100vh - 32px); overflow:auto; font-size:14px; }
nav ul { list-style:none; padding-left:12px; margin:4px 0; } nav > ul { padding-left:0; }
nav a { color:var(--ink); text-decoration:none; } nav a:hover { text-decoration:underline; }
main { min-width:0; }
section { margin-bottom:40px; }
h2 { border-bottom:2px solid var(--accent); padding-bottom:6px; }
h3 { margin-top:28px; }
.en { color:var(--muted); font-weight:normal; }
article { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:16px 0; }
article h4 { margin:0 0 8px; font-size:17px; }
.method { display:inline-block; min-width:64px; text-align:center; padding:2px 8px; border-radius:4px; color:#fff; font:bold 13px/1.6 ui-monospace,monospace; }
.m-get { background:#1f6feb; } .m-post { background:#1a7f37; } .m-put { background:#9a6700; } .m-patch { background:#8250df; } .m-delete { background:#cf222e; }
.status { display:inline-block; min-width:44px; font:bold 13px ui-monospace,monospace; }
.s-2 { color:#1a7f37; } .s-3 { color:#9a6700; } .s-4, .s-5 { color:#cf222e; }
code, pre { font-family: ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace; font-size:13px; }
pre { background:#0f1728; color:#e6edf3; padding:12px 14px; border-radius:6px; overflow:auto; max-height:480px; }
pre a { color:#79c0ff; }
.facts { display:grid; grid-template-columns: max-content 1fr; gap:2px 16px; margin:8px 0; }
.facts dt { color:var(--muted); }
table.params { border-collapse:collapse; width:100%; margin:8px 0; font-size:14px; }
table.params th, table.params td { border:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; }
details { margin:6px 0; } summary { cursor:pointer; color:var(--muted); }
.response { margin:6px 0; }
.rights { display:grid; grid-template-columns:1fr 1fr; gap:16px; }
.audience { margin:0; padding-left:18px; }
.dt { font-size:15px; font-weight:bold; } .ver { color:var(--muted); }
@media (max-width: 900px) { .layout { grid-template-columns:1fr; } nav { position:static; max-height:none; } .rights { grid-template-columns:1fr; } }
@media print { nav { display:none; } .layout { display:block; } pre { max-height:none; white-space:pre-wrap; } }
`;

/** A self-contained HTML API reference for an OpenAPI document built by `buildOpenApi`. */
export function renderDocsPage(openapi: OpenApiDocument): string {
  const groups = groupByTag(openapi);
  const events = openapi['x-fazhi-event-catalog'];
  const schemas = openapi.components.schemas;
  const sample = events.find((e) => !e.publishers.platform) ?? events[0];
  const guideSample = {
    detailType: sample?.detailType ?? 'EnforcementLead.Shared',
    data: (sample?.example as { data?: unknown } | undefined)?.data ?? {},
  };

  const page = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${openapi.info.title} — 接口文档 API reference</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
  <h1>${openapi.info.title} 接口文档 <span class="en" style="color:#fff;opacity:.85">API reference</span></h1>
  <p>版本 Version ${openapi.info.version} · OpenAPI ${openapi.openapi}${openapi.info.description ? html` · ${openapi.info.description}` : ''}</p>
</header>
<div class="layout">
<nav aria-label="目录 Contents">
  <ul>
    <li><a href="#integrating">部门系统接入 Integrating a department</a></li>
    <li><a href="#routes">接口 Routes</a>
      <ul>${groups.map(
        (g, i) =>
          html`<li><a href="#tag-${i + 1}">${g.name}</a><ul>${g.operations.map(
            ({ path, method, op }) =>
              html`<li><a href="#op-${op.operationId}">${method.toUpperCase()} ${path}</a></li>`,
          )}</ul></li>`,
      )}</ul>
    </li>
    <li><a href="#events">事件目录 Event catalog</a>
      <ul>${events.map((e) => html`<li><a href="#event-${e.detailType}-v${e.version}">${e.detailType} v${e.version}</a></li>`)}</ul>
    </li>
    <li><a href="#schemas">数据结构 Schemas</a></li>
  </ul>
</nav>
<main>
${renderIntegrationGuide(openapi, guideSample)}
<section id="routes">
  <h2>接口 <span class="en">Routes</span></h2>
  ${groups.map(
    (g, i) => html`<section class="tag" id="tag-${i + 1}">
    <h3>${g.name}</h3>${g.description ? html`<p>${g.description}</p>` : ''}
    ${g.operations.map(({ path, method, op }) => operationCard(path, method, op))}
  </section>`,
  )}
</section>
<section id="events">
  <h2>事件目录 <span class="en">Event catalog</span></h2>
  <p>事件总线上每个事件的 detail 为 <code>{ meta: { eventId, occurredAt, correlationId, schemaVersion }, data }</code>。</p>
  <p class="en">Every event's detail is <code>{ meta: { eventId, occurredAt, correlationId, schemaVersion }, data }</code>;
  the source is <code>fazhi.&lt;service&gt;</code> for platform events and <code>dept.&lt;departmentId&gt;</code> for what a department posts.</p>
  ${events.map((e) => eventCard(e, schemas))}
</section>
<section id="schemas">
  <h2>数据结构 <span class="en">Schemas</span></h2>
  ${Object.entries(schemas).map(
    ([name, schema]) =>
      html`<article class="schema" id="schema-${name}"><h4><code>${name}</code></h4>${jsonBlock(schema)}</article>`,
  )}
</section>
</main>
</div>
</body>
</html>
`;
  return page.html;
}
