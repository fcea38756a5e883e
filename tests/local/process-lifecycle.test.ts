// The local runtime as a real process: a kill right after a 202 loses neither the event nor its
// delivery, and SIGTERM stops everything, java included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildRuntime, isAlive, startChildRuntime } from '../support/child-runtime';
import { apiOf, eventually, login } from '../support/runtime';
import { startWebhookReceiver } from '../support/webhook-receiver';

const started: ChildRuntime[] = [];
afterAll(async () => {
  for (const r of started) {
    const pid = (() => {
      try {
        return r.javaPid();
      } catch {
        return undefined;
      }
    })();
    r.child.kill('SIGKILL');
    if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
});

describe('local runtime process', () => {
  it('delivers an event accepted just before a kill -9, after restart (inbox, webhook, receipt)', async () => {
    // Prepare: a runtime with the procuratorate's webhook pointing at a slow receiver
    const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-kill-'));
    const hook = await startWebhookReceiver();
    try {
      const first = await startChildRuntime(dataDir);
      started.push(first);
      const api = apiOf(first.baseUrl);
      const admin = await login(api, 'admin');
      const set = await api('PUT', '/v1/departments/procuratorate/webhook', { token: admin, body: { url: hook.url } });
      hook.setSecret(set.json.secret);
      hook.delay(3000); // the delivery will be in flight when the process dies
      const key = (id: string) => first.credentials.departments.find((d) => d.id === id)!.apiKey;

      // Act: accept, then kill the runtime at once
      const posted = await api('POST', '/v1/events', {
        token: key('samr'),
        headers: { 'idempotency-key': 'before-kill' },
        body: {
          entries: [
            {
              detailType: 'EnforcementLead.Shared',
              detail: { data: { subjectName: '某商贸公司', category: 'market', summary: '涉嫌虚假宣传' } },
            },
          ],
        },
      });
      first.child.kill('SIGKILL');
      expect(posted.status).toBe(202);
      const eventId = posted.json.entries[0].eventId as string;
      await first.exited;
      // The runtime really is gone (its DynamoDB Local is orphaned, as after a crash), and the
      // delivery it had in flight never completed.
      expect(
        await fetch(`${first.baseUrl}/health`).then(
          () => 'answered',
          () => 'refused',
        ),
      ).toBe('refused');
      expect(hook.received.some((r) => r.body.id === eventId)).toBe(false);

      hook.delay(0);
      const second = await startChildRuntime(dataDir);
      started.push(second);
      const api2 = apiOf(second.baseUrl);

      // Assess: the same keys still work; the event reached the inbox and the webhook, with a receipt
      const inbox = await eventually(async () => {
        const r = await api2('GET', '/v1/inbox', { token: key('procuratorate') });
        return r.json?.items?.find((i: { event: { id: string } }) => i.event.id === eventId);
      }, 'inbox after restart');
      expect(inbox.event.source).toBe('dept.samr');
      const delivered = await eventually(
        async () => hook.received.find((r) => r.body.id === eventId),
        'webhook after restart',
        30_000,
      );
      expect(delivered.signatureValid).toBe(true);
      const admin2 = await login(api2, 'admin');
      await eventually(
        async () => {
          const r = await api2('GET', `/v1/events/${eventId}/receipts`, { token: admin2 });
          return (
            r.json?.receipts?.find((x: { departmentId: string }) => x.departmentId === 'procuratorate')?.webhook
              ?.status === 'delivered'
          );
        },
        'receipt delivered',
        30_000,
      );
      const job = await api2('POST', '/v1/evidence/verifications', { token: admin2, body: { from: 'genesis' } });
      expect(job.status, job.text).toBe(202);
      const verify = await eventually(async () => {
        const r = await api2('GET', `/v1/evidence/verifications/${job.json.jobId}`, { token: admin2 });
        return r.json?.status === 'done' && r.json.report;
      }, 'the verification job');
      expect(verify.ok).toBe(true);
      expect(verify.checked).toBeGreaterThanOrEqual(1);

      // SIGTERM stops the runtime and its DynamoDB Local
      const java = second.javaPid();
      expect(isAlive(java)).toBe(true);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      await eventually(async () => !isAlive(java), 'java gone', 10_000);
    } finally {
      await hook.close();
    }
  }, 240_000);
});
