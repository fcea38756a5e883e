// 领导包案: the responsible leader of a major dispute gets its alerts. The people on duty get them
// by roster (functions/alerts); this adds the leader, once per alert event, however often the bus
// delivers it. A leader already among the recipients is not told twice.
import type { MediationClockKey } from '@fazhi/domain/mediation/case-clocks';
import { sendOnce } from '@fazhi/platform/ddb/send-once';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { findCase } from '../shared/case-store';
import { clockLabel } from '../shared/clock-plan';

interface AlertData {
  alertId: string;
  clockId: string;
  departmentId: string;
  recipients: string[];
  reason: 'warning' | 'breach';
  subject?: { type: string; id: string };
}

export const handler = eventHandler<AlertData>(async (event, d) => {
  const a = event.detail.data;
  if (!a.subject) return;
  const found = await findCase(d, a.subject.id);
  const leader = found?.state.responsibleLeader;
  if (found?.state.tier !== 'major' || !leader || a.recipients.includes(leader)) return;
  const { label } = clockLabel(a.clockId.slice(a.subject.id.length + 1) as MediationClockKey);
  const state = a.reason === 'breach' ? '已超过期限' : '即将到期';
  await sendOnce(d, d.notifier.channel, `${event.detail.meta.eventId}.leader`, async () => {
    await d.notifier.notify({
      subject: `【领导包案】${found.state.title}：${label}${state}`,
      text: `您包案的重大纠纷“${found.state.title}”${label}${state}，请督促处理。`,
      departmentId: a.departmentId,
      recipients: [leader],
      alertId: a.alertId,
    });
  });
});
