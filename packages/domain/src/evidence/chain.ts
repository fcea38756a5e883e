// The evidence log: every accepted event is appended to a hash chain, each entry committing to the
// one before it. Altering an entry breaks its own hash; removing one breaks the sequence and the
// next entry's link; altering the stored event breaks its digest.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  seq: number;
  eventId: string;
  digest: string;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainedContent {
  source: string;
  detailType: string;
  detail: unknown;
  time: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function digestOf(content: ChainedContent): string {
  return sha256(
    canonicalJson({
      source: content.source,
      detailType: content.detailType,
      detail: content.detail,
      time: content.time,
    }),
  );
}

export function entryHash(e: Omit<ChainEntry, 'hash'>): string {
  return sha256(`${e.prevHash}|${e.seq}|${e.eventId}|${e.digest}`);
}

/** The entries that extend `head` with `events`, in order. */
export function extendChain(head: ChainHead, events: { eventId: string; digest: string }[]): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prev = head;
  for (const ev of events) {
    const partial = { seq: prev.seq + 1, eventId: ev.eventId, digest: ev.digest, prevHash: prev.hash };
    const entry = { ...partial, hash: entryHash(partial) };
    out.push(entry);
    prev = { seq: entry.seq, hash: entry.hash };
  }
  return out;
}

export type ChainProblemKind =
  | 'entry-altered'
  | 'entry-removed'
  | 'link-broken'
  | 'event-altered'
  | 'event-missing'
  | 'head-mismatch';

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number;
  eventId?: string;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  head: ChainHead;
  problem?: ChainProblem;
}

/**
 * Walks the chain one entry at a time (so a million entries need no million in memory) and keeps
 * the FIRST problem found, naming the entry.
 */
export class ChainVerifier {
  private prev: ChainHead;
  private checked = 0;
  private problem: ChainProblem | undefined;

  /** `from`: a trusted checkpoint (the entry and hash to continue after); the genesis by default. */
  constructor(from: ChainHead = { seq: 0, hash: GENESIS_HASH }) {
    this.prev = from;
  }

  /** The last entry verified so far. */
  get position(): ChainHead {
    return this.prev;
  }

  /** `currentDigest`: the digest of the stored event now, or null if the event item is gone. */
  feed(entry: ChainEntry, currentDigest: string | null): void {
    if (this.problem) return;
    this.checked++;
    if (entry.seq !== this.prev.seq + 1) {
      const missing = this.prev.seq + 1;
      this.problem = {
        kind: 'entry-removed',
        seq: missing,
        message: `entry ${missing} is missing: the chain jumps from ${this.prev.seq} to ${entry.seq}`,
      };
      return;
    }
    if (entryHash(entry) !== entry.hash) {
      this.problem = {
        kind: 'entry-altered',
        seq: entry.seq,
        eventId: entry.eventId,
        message: `entry ${entry.seq} (event ${entry.eventId}) was altered: its hash does not match its content`,
      };
      return;
    }
    if (entry.prevHash !== this.prev.hash) {
      this.problem = {
        kind: 'link-broken',
        seq: entry.seq,
        eventId: entry.eventId,
        message: `entry ${entry.seq} does not link to entry ${this.prev.seq}: an entry before it was replaced`,
      };
      return;
    }
    if (currentDigest === null) {
      this.problem = {
        kind: 'event-missing',
        seq: entry.seq,
        eventId: entry.eventId,
        message: `event ${entry.eventId} (entry ${entry.seq}) was removed from the store`,
      };
      return;
    }
    if (currentDigest !== entry.digest) {
      this.problem = {
        kind: 'event-altered',
        seq: entry.seq,
        eventId: entry.eventId,
        message: `event ${entry.eventId} (entry ${entry.seq}) was altered after it was accepted`,
      };
      return;
    }
    this.prev = { seq: entry.seq, hash: entry.hash };
  }

  finish(head: ChainHead | undefined): ChainReport {
    const h = head ?? { seq: 0, hash: GENESIS_HASH };
    if (!this.problem && (h.seq !== this.prev.seq || h.hash !== this.prev.hash)) {
      const seq = this.prev.seq + 1;
      this.problem =
        h.seq > this.prev.seq
          ? { kind: 'entry-removed', seq, message: `entries ${seq}–${h.seq} are missing at the end of the chain` }
          : {
              kind: 'head-mismatch',
              seq: h.seq,
              message: `the chain head (${h.seq}) does not match the last entry (${this.prev.seq})`,
            };
    }
    return { ok: !this.problem, checked: this.checked, head: h, ...(this.problem ? { problem: this.problem } : {}) };
  }
}
