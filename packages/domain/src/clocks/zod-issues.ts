import type * as z from 'zod';

/** One line per issue, `path: message`, so a city official editing a data file sees where it is wrong. */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((part, index) =>
          typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`,
        )
        .join('');
      return `- ${path || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}
