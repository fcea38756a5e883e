import type { Audience } from '../catalog-entry';

// Clock and alert events come from platform services and concern only the department that owns
// the deadline (named in the event's `departmentId`).
export const platformPublishers: Audience = { platform: true };
export const owningDepartmentSubscribers: Audience = { fromData: ['departmentId'] };
