// The duty contact directory: who a username is and how to phone them, per department, so the board
// names the people on duty instead of showing login names. pk DEPT#<id>, sk PERSON#<username>: a
// department's people are one key query beside its roster. Identity itself stays with the identity
// provider (Cognito, or the local one); this holds only what the duty board shows.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryPages } from '../ddb/query-pages';
import type { PlatformDeps } from '../deps';

export interface Person {
  username: string;
  departmentId: string;
  displayName: string;
  /** A phone number to call the person on duty, as written (e.g. 139 0571 0101). */
  phone?: string;
}

export const personKey = (departmentId: string, username: string) => ({
  pk: `DEPT#${departmentId}`,
  sk: `PERSON#${username}`,
});

export async function putPerson(d: PlatformDeps, p: Person): Promise<void> {
  await d.ddb.send(
    new PutCommand({
      TableName: d.tableName,
      // gsi1 finds a username's department, so a roster naming an outsider can say so.
      Item: {
        ...personKey(p.departmentId, p.username),
        type: 'person',
        gsi1pk: `PERSON#${p.username}`,
        gsi1sk: p.departmentId,
        ...p,
      },
    }),
  );
}

export async function departmentPeople(d: PlatformDeps, departmentId: string): Promise<Map<string, Person>> {
  const people = await queryPages(
    d,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :person)',
      ExpressionAttributeValues: { ':pk': `DEPT#${departmentId}`, ':person': 'PERSON#' },
    },
    (item) => {
      const { username, departmentId: dept, displayName, phone } = item as unknown as Person;
      return { username, departmentId: dept, displayName, ...(phone ? { phone } : {}) };
    },
    1000,
  );
  return new Map(people.map((p) => [p.username, p]));
}

/** The person a username is, from the first department whose directory holds it. */
export async function findPerson(d: PlatformDeps, username: string): Promise<Person | undefined> {
  const [p] = await queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': `PERSON#${username}` },
    },
    (item) => item as unknown as Person,
    1,
  );
  return p && { username: p.username, departmentId: p.departmentId, displayName: p.displayName };
}

/**
 * The names people are called by, for usernames a page shows (an alert's recipients, who recorded a
 * milestone): one query per department given, one lookup for each username none of them holds. A
 * username the directory does not know (a department system's `dept.<id>`) is left out.
 */
export async function displayNames(
  d: PlatformDeps,
  departmentIds: Iterable<string>,
  usernames: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = new Set(usernames);
  const names = new Map<string, string>();
  const directories = await Promise.all([...new Set(departmentIds)].map((id) => departmentPeople(d, id)));
  for (const people of directories) for (const [u, p] of people) names.set(u, p.displayName);
  const others = [...wanted].filter((u) => !names.has(u) && !u.startsWith('dept.'));
  const found = await Promise.all(others.map((u) => findPerson(d, u)));
  found.forEach((p, i) => {
    if (p) names.set(others[i]!, p.displayName);
  });
  return new Map([...names].filter(([u]) => wanted.has(u)));
}

/** The departments whose directory holds this username (normally one). */
export async function departmentsOfPerson(d: PlatformDeps, username: string): Promise<string[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': `PERSON#${username}` },
    },
    (item) => String(item.departmentId),
    10,
  );
}

/**
 * Enters a signed-in person in their department's directory (in AWS nothing else does: Cognito
 * holds the users), keeping a phone number already there. Writes only when the entry is missing or
 * its name changed, so signing in again costs a conditional check and nothing more.
 */
export async function recordSignedIn(
  d: PlatformDeps,
  p: { username: string; departmentId: string; displayName?: string },
): Promise<void> {
  const name = p.displayName ?? p.username;
  try {
    await d.ddb.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: personKey(p.departmentId, p.username),
        UpdateExpression:
          'SET #type = :type, username = :u, departmentId = :dept, displayName = :name, gsi1pk = :g1, gsi1sk = :dept',
        ConditionExpression: 'attribute_not_exists(pk) OR displayName <> :name',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'person',
          ':u': p.username,
          ':dept': p.departmentId,
          ':name': name,
          ':g1': `PERSON#${p.username}`,
        },
      }),
    );
  } catch (e) {
    if (!(e instanceof ConditionalCheckFailedException)) throw e;
  }
}
