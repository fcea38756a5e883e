// 行刑衔接: for the procuratorate (and admins) the supervision page — every transfer of the city
// with its next deadline, filtered by agency, category and status, the overdue and nearest due
// first (the server's order); for an agency its own transfers and the way to report a new one; for
// public security the cases transferred to it.
import { useState } from 'preact/hooks';
import type { Session } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { usePoll } from '../hooks/use-poll';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { NextClockCell } from './clocks';
import { type DepartmentNames, useDepartmentNames } from './departments';
import { type TransferClock, type TransferFilters, type TransferSummary, transfersApi } from './transfers-api';
import { isAgency, OFFENCE_CATEGORIES, statusWord, supervises, TRANSFER_STATUSES, wordOf } from './words';
import './transfers.css';

interface ListWithClocks {
  items: TransferSummary[];
  clocks: Record<string, TransferClock[]>;
}

/** The list (the summaries carry only the next due instant), each case with its clocks. */
async function listWithClocks(filters: TransferFilters): Promise<ListWithClocks> {
  const { items } = await transfersApi.list(filters);
  const clocks: Record<string, TransferClock[]> = {};
  await Promise.all(
    items.map(async (c) => {
      clocks[c.id] = (await transfersApi.case(c.id)).clocks;
    }),
  );
  return { items, clocks };
}

function FilterBar({
  filters,
  onChange,
  departments,
}: {
  filters: TransferFilters;
  onChange: (f: TransferFilters) => void;
  departments: DepartmentNames;
}) {
  const { t } = useI18n();
  const set = (name: keyof TransferFilters, value: string) => onChange({ ...filters, [name]: value || undefined });
  return (
    <fieldset class="tr-filters" data-testid="transfer-filters">
      <legend>{t('transfers.filter.label')}</legend>
      <label class="field">
        <span class="field-label">{t('transfers.filter.agency')}</span>
        <select
          value={filters.agencyDepartmentId ?? ''}
          data-testid="filter-agency"
          onChange={(e) => set('agencyDepartmentId', e.currentTarget.value)}
        >
          <option value="">{t('transfers.filter.all')}</option>
          {departments.ofKind('enforcement').map((d) => (
            <option key={d.id} value={d.id}>
              {departments.name(d.id)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('transfers.filter.category')}</span>
        <select
          value={filters.offenceCategory ?? ''}
          data-testid="filter-category"
          onChange={(e) => set('offenceCategory', e.currentTarget.value)}
        >
          <option value="">{t('transfers.filter.all')}</option>
          {OFFENCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {wordOf(t, 'category', c)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('transfers.filter.status')}</span>
        <select
          value={filters.status ?? ''}
          data-testid="filter-status"
          onChange={(e) => set('status', e.currentTarget.value)}
        >
          <option value="">{t('transfers.filter.all')}</option>
          {TRANSFER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {wordOf(t, 'status', s)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function TransferRow({
  c,
  clocks,
  now,
  departments,
}: {
  c: TransferSummary;
  clocks: TransferClock[] | undefined;
  now: number;
  departments: DepartmentNames;
}) {
  const { t } = useI18n();
  return (
    <tr data-testid="transfer-row" data-case={c.id} data-overdue={c.overdue ? 'true' : 'false'}>
      <td>
        <a href={hrefOf({ name: 'transfer-case', id: c.id })} class="tr-open" data-testid="transfer-open">
          {c.title}
        </a>
        <div class="muted">{c.enforcementCaseNo}</div>
      </td>
      <td data-testid="transfer-agency">{departments.name(c.agencyDepartmentId)}</td>
      <td data-testid="transfer-category">{wordOf(t, 'category', c.offenceCategory)}</td>
      <td data-testid="transfer-status">
        {statusWord(t, c)}
        {c.overdue && (
          <div>
            <span class="tr-overdue" data-testid="transfer-overdue">
              ✖ {t('transfers.overdue')}
            </span>
          </div>
        )}
      </td>
      <td>
        <NextClockCell clocks={clocks} now={now} />
      </td>
    </tr>
  );
}

function TransferTable({
  data,
  now,
  departments,
}: {
  data: ListWithClocks;
  now: number;
  departments: DepartmentNames;
}) {
  const { t } = useI18n();
  if (data.items.length === 0)
    return (
      <p class="muted" data-testid="transfer-empty">
        {t('transfers.empty')}
      </p>
    );
  return (
    <div class="table-wrap">
      <table class="table tr-table" data-testid="transfer-table">
        <thead>
          <tr>
            <th>{t('transfers.col.case')}</th>
            <th>{t('transfers.col.agency')}</th>
            <th>{t('transfers.col.category')}</th>
            <th>{t('transfers.col.status')}</th>
            <th>{t('transfers.col.next')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((c) => (
            <TransferRow key={c.id} c={c} clocks={data.clocks[c.id]} now={now} departments={departments} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TransfersPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const now = useServerNow();
  const departments = useDepartmentNames();
  const [filters, setFilters] = useState<TransferFilters>({});
  const seesAll = supervises(session);
  const agency = isAgency(session);
  const load = useLoad(() => listWithClocks(filters), `transfers:${JSON.stringify(filters)}`);
  usePoll(() => load.reload(), 15_000, 60_000);
  const title = seesAll ? 'transfers.title.supervision' : agency ? 'transfers.title.agency' : 'transfers.title.police';
  const overdue = load.data?.items.filter((c) => c.overdue).length ?? 0;
  return (
    <div class="page tr-page" data-testid={seesAll ? 'transfer-supervision' : 'transfer-list'}>
      <div class="page-head">
        <h1>{t(title)}</h1>
        {load.data && (
          <span class="muted" data-testid="transfer-count">
            {t('transfers.count', { count: load.data.items.length, overdue })}
          </span>
        )}
        {agency && (
          <a class="btn btn-primary" href={hrefOf({ name: 'transfer-new' })} data-testid="transfer-new">
            {t('transfers.newReport')}
          </a>
        )}
      </div>
      {seesAll && <FilterBar filters={filters} onChange={setFilters} departments={departments} />}
      {load.error !== undefined && <ErrorNotice error={load.error} context={t('transfers.loadFailed')} />}
      {load.data ? (
        <TransferTable data={load.data} now={now} departments={departments} />
      ) : (
        load.error === undefined && <p>{t('common.loading')}</p>
      )}
    </div>
  );
}
