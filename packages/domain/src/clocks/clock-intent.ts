import type { ClockConsent } from './clock-events';

// What a case asks of the clock service, named by the case's own clock key. The service maps a key
// to a clock id (`<caseId>.<key>`) and each intent to the platform's ClockCommand, inside the
// case's own transaction. Mediation and transfers name their keys; the intents are the same.
export type ClockIntent<K extends string> =
  | {
      kind: 'start';
      key: K;
      policyId: string;
      /** The statutory start, possibly before now (a conditional clock started when its condition is recorded). */
      startedAt: number;
      period?: { duration: string; documentNo: string; decidedBy: string };
    }
  | { kind: 'meet'; key: K; at: number }
  | { kind: 'cancel'; key: K; reason: string }
  | { kind: 'pause'; key: K; at: number; reason: string; by: string; documentNo?: string }
  | { kind: 'resume'; key: K; at: number; by: string; reason?: string }
  | {
      kind: 'extend';
      key: K;
      at: number;
      by: string;
      decidedBy: string;
      role: string;
      reason: string;
      consent?: ClockConsent;
      documentNo?: string;
    };
