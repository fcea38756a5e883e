// Outbound webhook calls, signed so a department can prove a delivery came from the platform:
// `X-Fazhi-Signature: sha256=<hex HMAC-SHA256 of the raw body with the department's secret>`.
import { createHmac } from 'node:crypto';

export interface WebhookRequest {
  url: string;
  secret: string;
  body: string;
  eventId: string;
  timestamp: string;
}

export interface WebhookResult {
  ok: boolean;
  status?: number;
  error?: string;
}

export interface WebhookSender {
  send(req: WebhookRequest): Promise<WebhookResult>;
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function fetchWebhookSender(timeoutMs = 5000): WebhookSender {
  return {
    async send(req) {
      try {
        const res = await fetch(req.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-fazhi-signature': signBody(req.secret, req.body),
            'x-fazhi-event-id': req.eventId,
            'x-fazhi-timestamp': req.timestamp,
            'user-agent': 'fazhi-webhook/1',
          },
          body: req.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        return res.ok
          ? { ok: true, status: res.status }
          : { ok: false, status: res.status, error: `HTTP ${res.status}` };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
