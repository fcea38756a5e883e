// Chinese words for the server's problem types and field-error codes. The server's `title` and
// `errors[].message` are written for integrators (in English); a Chinese page reads these instead,
// keyed by the stable `type` slug and error `code`, so a new English sentence never reaches it.
import { chineseOnly } from '../i18n/chinese-text';
import type { FieldError, Problem } from './problem';

const TITLES: Record<string, string> = {
  'validation-failed': '提交的内容有误，请按提示修改',
  'invalid-query': '查询条件有误',
  'malformed-json': '请求格式错误',
  'unsupported-media-type': '请求格式错误',
  'payload-too-large': '提交的内容过大',
  'malformed-uri': '请求地址格式错误',
  'uri-too-long': '请求地址过长',
  'header-too-large': '请求头过大',
  'malformed-request': '请求格式错误',
  'invalid-path-parameter': '请求地址中的编号格式错误',
  unauthorized: '登录已失效，请重新登录',
  forbidden: '您没有权限执行此操作',
  'not-allowed': '您没有权限执行此操作',
  'not-a-recipient': '该警报没有发给您，您不能确认',
  'publish-not-allowed': '本部门无权发布该类事件',
  'not-found': '找不到该内容，可能已被删除或您无权查看',
  conflict: '内容已被他人修改，请刷新后重试',
  'concurrent-change': '内容已被他人修改，请刷新后重试',
  'version-conflict': '内容已被他人修改，请刷新后重试',
  'roster-version-conflict': '值班表已被他人修改',
  'roster-unknown-people': '值班表中有人员不是本部门的用户',
  'key-rotation-conflict': '另一次密钥更换刚刚完成，本次未生成新密钥',
  'idempotency-record-busy': '系统正忙，本次提交未保存，请稍后用同一请求重试',
  'too-many-login-attempts': '登录失败次数过多，请稍后再试',
  'malformed-login': '用户名或密码格式不正确',
  'invalid-credentials': '用户名或密码错误',
  'idempotency-key-reused': '重复提交的内容与上次不同',
  'already-resolved': '该警报已办结',
  'already-closed': '该事件已结束',
  'incident-closed': '该事件已结束，不能再修改',
  'invalid-incident': '事件信息有误，请按提示修改',
  'invalid-input': '填写的内容有误，请按提示修改',
  'evidence-required': '请填写链接或文号',
  'unknown-clock': '该事件没有这个时限',
  'invalid-transition': '当前状态下不能执行此操作',
  'calendar-year-not-loaded': '该年度的节假日安排尚未载入',
  'clock-calendar-year-not-loaded': '该年度的节假日安排尚未载入',
  'clock-transition-invalid': '当前状态下不能执行此操作',
  'clock-extension-refused': '不允许延长该时限',
  'clock-policy-unknown': '没有这种时限规则',
  // The transfers service (functions/transfers, packages/domain/src/transfers).
  'not-your-step': '这一步不由本单位办理',
  'not-your-case': '本单位不是该案件的办理单位',
  'head-required': '移送审批应由行政执法机关负责人作出',
  'transfer-transition-invalid': '案件当前状态下不能办理这一步',
  'already-recorded': '这一步已经办理过了',
  'transfer-report-invalid': '移送报告信息不完整，请按提示修改',
  'transfer-action-unknown': '没有这个办理步骤',
  'transfer-not-found': '找不到该移送案件，可能您无权查看',
  'too-many-requests': '请求过于频繁，请稍后再试',
  timeout: '服务器处理超时，请稍后重试',
  internal: '服务器出错，请稍后重试；如仍失败请联系管理员',
};

const BY_STATUS: Record<number, string> = {
  400: '请求格式错误',
  401: '登录已失效，请重新登录',
  403: '您没有权限执行此操作',
  404: '找不到该内容，可能已被删除或您无权查看',
  409: '内容已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  415: '请求格式错误',
  422: '提交的内容有误，请按提示修改',
  429: '请求过于频繁，请稍后再试',
};

/** zod issue codes and the platform's own codes, as a person filling a form reads them. */
const CODES: Record<string, string> = {
  required: '此项必填',
  too_small: '此项不能为空或过短',
  too_big: '内容过长',
  invalid_type: '此项缺失或类型不正确',
  invalid_format: '格式不正确',
  invalid_value: '不是允许的选项',
  invalid_union: '格式不正确',
  unrecognized_keys: '含有不认识的字段',
  'not-before-occurred': '不能早于事件发生时间',
  'in-future': '不能晚于当前时间',
  'webhook-url-refused': '该地址不允许接收推送（须为公网 HTTPS 地址）',
  'unknown-user': '不是本部门的用户',
  'unknown-person': '平台人员名录中没有此用户（请填写包案领导的登录账号）',
  'foreign-user': '属于其他部门，且未被列为本部门可用的代班人员',
  // The clock engine's codes (packages/domain/src/clocks/clock-state.ts), whose messages are English.
  'out-of-bounds': '超出该时限政策允许的范围',
  'not-accepted': '不是该时限允许的事由',
  'invalid-duration': '期限格式不正确',
  'too-early': '早于允许的最早时间',
  'no-open-pause': '该时限当前没有中止，无需恢复',
  'not-allowed': '该项由法律规定，不能自行填写',
  // The transfers domain's codes (its messages are Chinese already; these keep them short).
  'too-few': '专案组应当由2名或者2名以上行政执法人员组成',
  'ip-only': '只有知识产权案件可以按合理嫌疑移送',
  'wrong-department-kind': '所选单位不符合该步骤的要求',
  self: '不能转送本机关',
};

/** The last segment of a problem `type` URI: `https://fazhi.gov.cn/problems/not-found` → `not-found`. */
export function problemSlug(type: string): string {
  return (
    type
      .replace(/[#?].*$/, '')
      .split('/')
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

/** A Chinese title for a problem: by its type, else by its status, else '' (the caller says what failed). */
export function problemTitleZh(problem: Pick<Problem, 'type' | 'status'>): string {
  return (
    TITLES[problemSlug(problem.type)] ?? BY_STATUS[problem.status] ?? (problem.status >= 500 ? TITLES.internal! : '')
  );
}

/**
 * A Chinese reason for one field error: by its code, else the Chinese the server wrote into the
 * message (`… (发现时间不能早于发生时间)`), else a plain "此项填写有误".
 */
export function fieldMessageZh(error: FieldError): string {
  const byCode = error.code ? CODES[error.code] : undefined;
  return byCode ?? (chineseOnly(error.message) || '此项填写有误');
}
