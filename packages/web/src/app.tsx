import { useEffect } from 'preact/hooks';
import { departmentLabel, hasRole, type Session, sessionStore, signOutByHand } from './auth/session';
import { resetBoard, syncServerClock } from './board/board-data';
import { LanguageSwitch } from './components/LanguageSwitch';
import { SessionBanner } from './components/SessionBanner';
import { useSessionStatus } from './hooks/use-session-status';
import { useI18n } from './i18n/i18n';
import { MediationCasePage } from './mediation/CasePage';
import { MediationPage } from './mediation/MediationPage';
import { MediationReportPage } from './mediation/report-page';
import { BoardPage } from './pages/BoardPage';
import { IncidentDetailPage } from './pages/IncidentDetailPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { LoginPage } from './pages/LoginPage';
import { NewIncidentPage } from './pages/NewIncidentPage';
import { RosterPage } from './pages/RosterPage';
import { StatsPage } from './pages/StatsPage';
import { ApplyPage } from './public/ApplyPage';
import { SurveyPage } from './public/SurveyPage';
import { hrefOf, navigate, type Route, useRoute } from './router';
import { useStore } from './store';
import { NewTransferReportPage } from './transfers/NewTransferReportPage';
import { TransferCasePage } from './transfers/TransferCasePage';
import { TransfersPage } from './transfers/TransfersPage';
import { takesPartInTransfers } from './transfers/words';

const NAV: {
  route: Route;
  key:
    | 'nav.board'
    | 'nav.incidents'
    | 'nav.roster'
    | 'nav.stats'
    | 'nav.mediation'
    | 'nav.mediationReport'
    | 'nav.transfers';
  /** Shown only to those the page's API answers (the report is the hub's and admins'). */
  shownTo?: (session: Session) => boolean;
}[] = [
  { route: { name: 'board' }, key: 'nav.board' },
  { route: { name: 'incidents' }, key: 'nav.incidents' },
  { route: { name: 'roster' }, key: 'nav.roster' },
  { route: { name: 'stats' }, key: 'nav.stats' },
  { route: { name: 'mediation' }, key: 'nav.mediation' },
  {
    route: { name: 'mediation-report' },
    key: 'nav.mediationReport',
    shownTo: (s) => hasRole(s, 'mediation-hub', 'admin'),
  },
  // The departments that take part in 行刑衔接 (an enforcement agency, public security, the procuratorate) and admins.
  { route: { name: 'transfers' }, key: 'nav.transfers', shownTo: takesPartInTransfers },
];

const section = (route: Route): Route['name'] =>
  route.name === 'incident' || route.name === 'incident-new'
    ? 'incidents'
    : route.name === 'mediation-case'
      ? 'mediation'
      : route.name === 'transfer-case' || route.name === 'transfer-new'
        ? 'transfers'
        : route.name;

const worksOnlyMediation = (session: Session): boolean =>
  hasRole(session, 'mediator', 'mediation-hub') &&
  !hasRole(session, 'duty-officer', 'duty-leader', 'dept-head', 'admin');

function Page({ route, session, expired }: { route: Route; session: Session; expired: boolean }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'board':
    case 'login':
      // Mediators and the hub's dispatchers, who keep no duty roster, start on their own workspace.
      return worksOnlyMediation(session) ? (
        <MediationPage session={session} />
      ) : (
        <BoardPage session={session} expired={expired} />
      );
    case 'incidents':
      return <IncidentsPage />;
    case 'incident-new':
      return <NewIncidentPage session={session} />;
    case 'incident':
      return <IncidentDetailPage id={route.id} session={session} />;
    case 'roster':
      return <RosterPage session={session} />;
    case 'stats':
      return <StatsPage />;
    case 'mediation':
      return <MediationPage session={session} />;
    case 'mediation-case':
      return <MediationCasePage id={route.id} session={session} />;
    case 'mediation-report':
      return <MediationReportPage />;
    case 'transfers':
      return <TransfersPage session={session} />;
    case 'transfer-new':
      return <NewTransferReportPage />;
    case 'transfer-case':
      return <TransferCasePage id={route.id} session={session} />;
    default:
      return (
        <div class="page">
          <p class="notice notice-info">{t('error.notFound')}</p>
        </div>
      );
  }
}

export function App() {
  const { t, lang } = useI18n();
  const session = useStore(sessionStore);
  const route = useRoute();
  const status = useSessionStatus();

  useEffect(() => {
    if (session && route.name === 'login') navigate({ name: 'board' });
  }, [session, route.name]);

  // Forms default to "now" on the server clock, so learn it before any page needs it.
  useEffect(() => {
    void syncServerClock();
  }, []);

  // However the session ended (sign-out or a 401), the next person starts with an empty board.
  useEffect(() => {
    if (!session) resetBoard();
  }, [session]);

  // The public pages need no sign-in and show nothing of anyone's session.
  if (route.name === 'apply') return <ApplyPage />;
  if (route.name === 'survey') return <SurveyPage token={route.token} />;
  // After sign-in the page asked for (a deep link) opens; the effect above turns #/login into the board.
  if (!session) return <LoginPage />;

  const current = route.name === 'board' && worksOnlyMediation(session) ? 'mediation' : section(route);
  const dept = departmentLabel(session, lang);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <a class="brand" href={hrefOf({ name: 'board' })}>
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.label')} class="nav">
          {NAV.filter((item) => item.shownTo?.(session) ?? true).map((item) => (
            <a
              key={item.key}
              href={hrefOf(item.route)}
              class="nav-link"
              aria-current={current === item.route.name ? 'page' : undefined}
              data-testid={`nav-${item.route.name}`}
            >
              {t(item.key)}
            </a>
          ))}
        </nav>
        <div class="topbar-side">
          <span class="who" data-testid="who">
            {t('nav.user', { name: session.user.displayName, dept })}
          </span>
          <LanguageSwitch />
          <button type="button" class="btn btn-quiet" onClick={signOutByHand} data-testid="sign-out">
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <SessionBanner status={status} />
      <main id="main" tabIndex={-1}>
        <Page route={route} session={session} expired={status.state === 'expired'} />
      </main>
    </>
  );
}
