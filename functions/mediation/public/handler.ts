import { httpRoutes, type RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { applicationStatus, apply, type Ctx, sendPhoneCode, showForm } from './apply';
import { recordSurvey, showSurvey } from './survey';
import { mediationPublicWiring } from './wiring';

const as =
  <B>(fn: (ctx: Ctx<B>) => ReturnType<typeof apply>) =>
  (ctx: RouteContext<RouteWiring>) =>
    fn(ctx as Ctx<B>);

export const handler = httpRoutes(mediationPublicWiring.routes, {
  'GET /v1/public/mediation/form': as(showForm),
  'POST /v1/public/mediation/phone-codes': as(sendPhoneCode),
  'POST /v1/public/mediation/applications': as(apply),
  'GET /v1/public/mediation/applications/{token}': as(applicationStatus),
  'GET /v1/public/mediation/satisfaction/{token}': as(showSurvey),
  'POST /v1/public/mediation/satisfaction/{token}': as(recordSurvey),
});
