// The local bus implements a subset of the EventBridge pattern language; a wiring outside it must
// stop the runtime at start, not match differently from AWS later.
import { describe, expect, it } from 'vitest';
import { allFunctions } from '../../functions/index';
import { defineFunction } from '../../packages/platform/src/wiring';
import { startTestRuntime } from '../support/runtime';

describe('local runtime start', () => {
  it('refuses a subscription pattern outside the supported subset, naming it', async () => {
    const rogue = defineFunction({
      name: 'rogue-subscriber',
      service: 'test',
      description: 'uses a suffix matcher',
      entry: allFunctions[0]!.entry,
      subscriptions: [{ name: 'rogue-suffix', pattern: { source: [{ suffix: '.psb' }] } }],
      permissions: [],
    });
    await expect(startTestRuntime({ functions: [...allFunctions, rogue], seed: false })).rejects.toThrow(
      /source: the operator "suffix" is outside the subset/,
    );
  });
});
