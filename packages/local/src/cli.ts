// `npm run fazhi -- <command>`: talks to the running local runtime: FAZHI_URL, else FAZHI_PORT, else the
// baseUrl in the credentials file it wrote (FAZHI_DATA_DIR, default .fazhi/local), else http://127.0.0.1:3000.
//   dlq list [--aws]                the dead-letter store (--aws: the deployed stack's SQS DLQs)
//   dlq replay [--rule R] [--id I] [--aws]
//                                  invoke the failed function again with each dead letter's event;
//                                  --aws redrives the stack's SQS queues (AWS credentials and
//                                  region from the usual chain; FAZHI_STACK, default Fazhi)
//   evidence verify [--full]       verify the evidence hash chain (a job) from the last checkpoint, or
//                                  the whole chain with --full; names the first altered/removed entry
//   clock                          show the runtime's clock
//   clock advance PT4H             move the virtual clock (FAZHI_CLOCK=virtual)
import { fileURLToPath } from 'node:url';
import { cliTarget } from './cli-target';

const target = cliTarget(process.env, process.cwd(), fileURLToPath(new URL('../../../', import.meta.url)));
const base = target.baseUrl;
const [cmd, sub, ...rest] = process.argv.slice(2);

function flag(name: string): string | undefined {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
}

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    ...(body ? { body: JSON.stringify(body) } : {}),
  }).catch(() => {
    console.error(
      `No Fazhi runtime answers at ${base} (from ${target.from}). Start it with \`npm start\`, or set FAZHI_PORT or FAZHI_URL.`,
    );
    process.exit(2);
  });
  const json = await res.json();
  if (!res.ok) {
    console.error(JSON.stringify(json, null, 2));
    process.exit(1);
  }
  return json;
}

const usage =
  'usage: npm run fazhi -- dlq list [--aws] | dlq replay [--rule R] [--id I] [--aws] | evidence verify [--full] | clock [advance PT1H]';

const aws = rest.includes('--aws');
const stackName = process.env.FAZHI_STACK ?? 'Fazhi';

if (cmd === 'dlq' && aws) {
  const { listAwsDeadLetters, replayAwsDeadLetters } = await import('./aws-dead-letters');
  if (sub === 'list') {
    for (const q of await listAwsDeadLetters(stackName)) {
      console.log(`${q.queue}: ${q.letters.length} replayable, ${q.streamBatches} stream batches, ${q.unknown} other`);
      for (const l of q.letters)
        console.log(`  ${l.id}  ${l.functionName}  ${l.condition}  attempts=${l.attempts}  ${l.error}`);
    }
  } else if (sub === 'replay') {
    const out = await replayAwsDeadLetters(stackName, {
      ...(flag('rule') ? { rule: flag('rule')! } : {}),
      ...(flag('id') ? { id: flag('id')! } : {}),
    });
    console.log(JSON.stringify(out));
  } else {
    console.error(usage);
    process.exit(2);
  }
} else if (cmd === 'dlq' && sub === 'list') {
  const { items } = (await call('GET', '/_local/dlq')) as {
    items: {
      id: string;
      rule: string;
      condition: string;
      attempts: number;
      error: string;
      event: { 'detail-type': string };
    }[];
  };
  if (items.length === 0) console.log('The dead-letter store is empty.');
  for (const l of items)
    console.log(`${l.id}  ${l.rule}  ${l.event['detail-type']}  ${l.condition}  attempts=${l.attempts}  ${l.error}`);
} else if (cmd === 'dlq' && sub === 'replay') {
  const out = await call('POST', '/_local/dlq/replay', {
    ...(flag('rule') ? { rule: flag('rule') } : {}),
    ...(flag('id') ? { id: flag('id') } : {}),
  });
  console.log(JSON.stringify(out));
} else if (cmd === 'evidence' && sub === 'verify') {
  type Job = {
    jobId: string;
    status: string;
    startedAfter: number;
    report?: { ok: boolean; checked: number; problem?: { message: string } };
  };
  let job = (await call('POST', '/_local/evidence/verifications', {
    from: rest.includes('--full') ? 'genesis' : 'checkpoint',
  })) as Job;
  console.log(`verification ${job.jobId} started after entry ${job.startedAfter} (0 = the genesis)`);
  while (job.status !== 'done') {
    await new Promise((r) => setTimeout(r, 300));
    job = (await call('GET', `/_local/evidence/verifications/${job.jobId}`)) as Job;
  }
  const r = job.report!;
  console.log(
    r.ok
      ? `Evidence log intact: ${r.checked} entries verified.`
      : `EVIDENCE LOG BROKEN after ${r.checked} entries: ${r.problem?.message}`,
  );
  process.exit(r.ok ? 0 : 1);
} else if (cmd === 'clock' && sub === undefined) {
  console.log(JSON.stringify(await call('GET', '/_local/clock')));
} else if (cmd === 'clock' && sub === 'advance' && rest[0]) {
  console.log(JSON.stringify(await call('POST', '/_local/clock/advance', { by: rest[0] })));
} else {
  console.error(usage);
  process.exit(2);
}
