import type { DepartmentKind } from '@fazhi/events/catalog';

// Bilingual labels the API reference shows for wiring and catalog codes.

export const AUTH_LABELS: Record<'apiKey' | 'user' | 'either' | 'none', { zh: string; en: string }> = {
  apiKey: { zh: '部门接口密钥', en: 'Department API key' },
  user: { zh: '用户登录（JWT）', en: 'Signed-in user (JWT)' },
  either: { zh: '部门接口密钥或用户登录', en: 'Department API key or signed-in user' },
  none: { zh: '无需认证', en: 'Public' },
};

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  enforcement: '行政执法机关',
  'public-security': '公安机关',
  procuratorate: '检察机关',
  court: '人民法院',
  propaganda: '宣传部门',
  cyberspace: '网信部门',
  emergency: '应急管理部门',
  finance: '财政部门',
  credit: '信用主管部门',
  justice: '司法行政部门',
  petition: '信访部门',
  'government-office': '政府办公室',
};
