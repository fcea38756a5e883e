// Every function of the platform. The CDK app and the local runtime both read this list.
import type { FunctionWiring } from '@fazhi/platform/wiring';
import { ackAlertWiring } from './alerts/ack/wiring';
import { caseAlertsWiring } from './alerts/case-alerts/wiring';
import { getRosterWiring } from './alerts/get-roster/wiring';
import { listAlertsWiring } from './alerts/list-alerts/wiring';
import { notifyAlertsWiring } from './alerts/notify/wiring';
import { onDutyWiring } from './alerts/on-duty/wiring';
import { putRosterWiring } from './alerts/put-roster/wiring';
import { raiseAlertWiring } from './alerts/raise/wiring';
import { resolveAlertsWiring } from './alerts/resolve/wiring';
import { alertsSweepWiring } from './alerts/sweep/wiring';
import { listClocksWiring } from './clocks/list-clocks/wiring';
import { onTimeClocksWiring } from './clocks/on-time-clocks/wiring';
import { onTimeStatsWiring } from './clocks/on-time-stats/wiring';
import { clocksSweepWiring } from './clocks/sweep/wiring';
import { clockConfigWiring } from './config/clock-config/wiring';
import { clockReplansWiring } from './config/clock-replans/wiring';
import { apiDocsWiring } from './exchange/api-docs/wiring';
import { authorizeWiring } from './exchange/authorize/wiring';
import { deliverWebhookWiring } from './exchange/deliver-webhook/wiring';
import { evidenceCheckpointWiring } from './exchange/evidence-checkpoint/wiring';
import { fanoutWiring } from './exchange/fanout/wiring';
import { inboxWiring } from './exchange/inbox/wiring';
import { listDepartmentsWiring } from './exchange/list-departments/wiring';
import { postEventsWiring } from './exchange/post-events/wiring';
import { putDepartmentWiring } from './exchange/put-department/wiring';
import { receiptsWiring } from './exchange/receipts/wiring';
import { rotateKeyWiring } from './exchange/rotate-key/wiring';
import { setWebhookWiring } from './exchange/set-webhook/wiring';
import { verifyEvidenceWiring } from './exchange/verify-evidence/wiring';
import { verifyEvidenceJobWiring } from './exchange/verify-evidence-job/wiring';
import { caseActionsWiring } from './mediation/case-actions/wiring';
import { mediationConfigWiring } from './mediation/config/wiring';
import { mediationIntakeWiring } from './mediation/intake/wiring';
import { mediationEventsWiring } from './mediation/on-events/wiring';
import { mediationPublicWiring } from './mediation/public/wiring';
import { mediationReadWiring } from './mediation/read/wiring';
import { incidentClockBreachedWiring } from './opinion/clock-breached/wiring';
import { closeIncidentWiring } from './opinion/close/wiring';
import { getIncidentWiring } from './opinion/get-incident/wiring';
import { listIncidentsWiring } from './opinion/list-incidents/wiring';
import { openIncidentWiring } from './opinion/open-incident/wiring';
import { recordMilestoneWiring } from './opinion/record-milestone/wiring';
import { regradeIncidentWiring } from './opinion/regrade/wiring';
import { meWiring } from './people/me/wiring';
import { outboxRelayWiring } from './platform/outbox-relay/wiring';
import { outboxSweepWiring } from './platform/outbox-sweep/wiring';
import { transferCommandsWiring } from './transfers/commands/wiring';
import { transfersEventsWiring } from './transfers/on-events/wiring';
import { transfersReadWiring } from './transfers/read/wiring';

export const allFunctions: FunctionWiring[] = [
  authorizeWiring,
  postEventsWiring,
  inboxWiring,
  receiptsWiring,
  listDepartmentsWiring,
  putDepartmentWiring,
  rotateKeyWiring,
  setWebhookWiring,
  verifyEvidenceWiring,
  verifyEvidenceJobWiring,
  evidenceCheckpointWiring,
  fanoutWiring,
  deliverWebhookWiring,
  outboxRelayWiring,
  outboxSweepWiring,
  apiDocsWiring,
  clockConfigWiring,
  clockReplansWiring,
  clocksSweepWiring,
  listClocksWiring,
  onTimeStatsWiring,
  onTimeClocksWiring,
  raiseAlertWiring,
  resolveAlertsWiring,
  alertsSweepWiring,
  notifyAlertsWiring,
  listAlertsWiring,
  ackAlertWiring,
  getRosterWiring,
  onDutyWiring,
  caseAlertsWiring,
  putRosterWiring,
  openIncidentWiring,
  listIncidentsWiring,
  getIncidentWiring,
  recordMilestoneWiring,
  regradeIncidentWiring,
  closeIncidentWiring,
  incidentClockBreachedWiring,
  meWiring,
  mediationConfigWiring,
  mediationIntakeWiring,
  mediationPublicWiring,
  caseActionsWiring,
  mediationReadWiring,
  mediationEventsWiring,
  transferCommandsWiring,
  transfersReadWiring,
  transfersEventsWiring,
];
