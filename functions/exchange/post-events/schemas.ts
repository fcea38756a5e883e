import * as z from 'zod';

export const postEventsBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            detailType: z
              .string()
              .min(1)
              .max(128)
              .describe('A detail-type from GET /v1/catalog, e.g. EnforcementLead.Shared'),
            detail: z.object({}).passthrough().describe('`{ data, meta? }`: data must match the detail-type’s schema'),
          })
          .strict(),
      )
      .min(1, 'send 1 to 10 entries')
      .max(10, 'send 1 to 10 entries'),
  })
  .strict();

export const postEventsResponse = z.object({
  entries: z.array(z.object({ eventId: z.string() })),
});
