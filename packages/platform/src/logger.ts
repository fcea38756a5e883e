import { Logger } from '@aws-lambda-powertools/logger';

// Structured JSON logs with the correlation id on every line (appended per invocation).
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'fazhi' });
