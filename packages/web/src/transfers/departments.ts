// The city's departments by id, named in the reader's language, for rows, facts and form choices.
import { api } from '../api/endpoints';
import type { Department } from '../api/types';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';

export interface DepartmentNames {
  name: (id: string | undefined) => string;
  ofKind: (kind: string) => Department[];
}

export function useDepartmentNames(): DepartmentNames {
  const { pick } = useI18n();
  const load = useLoad(() => api.departments(), 'departments');
  const items = load.data?.items ?? [];
  return {
    name: (id) => {
      if (!id) return '—';
      const d = items.find((x) => x.id === id);
      return d ? pick(d.name, d.nameEn) : '—';
    },
    ofKind: (kind) => items.filter((d) => d.kinds.includes(kind)),
  };
}
