import { httpRoute } from '@fazhi/platform/http/route';
import { listDepartments } from '@fazhi/platform/repos/departments';
import { listDepartmentsWiring } from './wiring';

export const handler = httpRoute(listDepartmentsWiring.routes![0]!, async ({ deps: d }) => {
  const list = await listDepartments(d, { fresh: true });
  return {
    status: 200,
    body: {
      items: list.map((x) => ({
        id: x.id,
        name: x.name,
        ...(x.nameEn ? { nameEn: x.nameEn } : {}),
        kinds: x.kinds,
        webhook: Boolean(x.webhook?.enabled),
      })),
    },
  };
});
