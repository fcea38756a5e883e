// Every function of the platform. The CDK app and the local runtime both read this list.
import type { FunctionWiring } from '@fazhi/platform/wiring';

export const allFunctions: FunctionWiring[] = [];
