import { Logger } from '@aws-lambda-powertools/logger';

// Structured JSON logs with the correlation id on every line (appended per invocation).
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'fazhi' });

const ID_NUMBER = /\b(\d{6})(\d{8})(\d{3}[\dXx])\b/g;
const PHONE = /\b(1[3-9]\d)(\d{4})(\d{4})\b/g;

/** Masks 身份证号 and mobile numbers in free text before it is logged. */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '$1********$3').replace(PHONE, '$1****$3');
}
