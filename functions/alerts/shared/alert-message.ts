// The words of an alert on SMS / e-mail: Chinese first, English second, short enough for an SMS.
import type { AlertState } from '@fazhi/domain/alerts/alert-state';
import type { AlertMessage } from '@fazhi/platform/alert-notifier';
import { toCityIso } from '@fazhi/platform/events/envelope';

const LEVEL = { officer: '值班员', leader: '带班领导', head: '部门负责人' } as const;

export function alertMessage(detailType: string, a: AlertState, recipients: string[]): AlertMessage {
  const due = toCityIso(a.dueAt).slice(0, 16).replace('T', ' ');
  const what = a.reason === 'breach' ? '已超时' : `临期预警（到期前 ${a.warning ?? ''}）`;
  const whatEn = a.reason === 'breach' ? 'BREACHED' : `due soon (${a.warning ?? ''} before due)`;
  const tag =
    detailType === 'Alert.Escalated' ? '【升级】' : detailType === 'Alert.Reminded' ? '【再次提醒】' : '【值班预警】';
  return {
    subject: `${tag}${a.label}${what}：${a.subject.title}`,
    text: [
      `${tag}${a.subject.title}：${a.label}${what}，到期时间 ${due}（北京时间）。当前级别：${LEVEL[a.level]}。请登录值班看板确认。`,
      `${a.label} for "${a.subject.title}" is ${whatEn}; due ${due} UTC+8. Level: ${a.level}. Acknowledge on the on-duty board.`,
    ].join('\n'),
    departmentId: a.departmentId,
    recipients,
    alertId: a.id,
  };
}
