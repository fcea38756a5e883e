import type { FunctionWiring, RouteAuth, RouteWiring } from '@fazhi/platform/wiring';
import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type RouteClass, routeClassOf, type Throttle, throttleSettings } from './front-door';
import { acknowledge } from './nag';

export interface ApiProps {
  wirings: readonly FunctionWiring[];
  functionOf: (name: string) => IFunction;
  corsOrigins: string[];
  logRetention: RetentionDays;
}

const METHODS: Record<RouteWiring['method'], HttpMethod> = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  PUT: HttpMethod.PUT,
  PATCH: HttpMethod.PATCH,
  DELETE: HttpMethod.DELETE,
};

/** Checks the wiring list as a whole: one authoriser at most, present when a route needs it, no route twice. */
export function checkRoutes(wirings: readonly FunctionWiring[]): void {
  const authorizers = wirings.filter((w) => w.authorizer);
  if (authorizers.length > 1) {
    throw new Error(`only one function may set authorizer: ${authorizers.map((w) => w.name).join(', ')}`);
  }
  const seen = new Map<string, string>();
  for (const w of wirings) {
    for (const r of w.routes ?? []) {
      const key = `${r.method} ${r.path}`;
      const other = seen.get(key);
      if (other) throw new Error(`route ${key} is wired twice: ${other} and ${w.name}`);
      seen.set(key, w.name);
      if (r.auth !== 'none' && authorizers.length === 0) {
        throw new Error(`route ${key} (${w.name}) needs the Lambda authoriser, but no wiring sets authorizer: true`);
      }
    }
  }
}

// The HTTP API in front of every routed function. Every authenticated route — API keys and
// people's Cognito tokens alike — goes through the one Lambda authoriser, which verifies tokens
// against the user pool's JWKS exactly as the local runtime does (platform/auth/tokens.ts).
//
// Why not API Gateway's JWT authoriser for people, and why no identity source or result cache:
// an HTTP API answers a failed or missing credential itself with a bare `{"message":...}` body that
// cannot be customised, and our contract is RFC 9457 problem+json for every 401 and 403. So the
// authoriser never denies: it passes an empty principal and the route's edge answers 401/403
// (exchange/authorize/handler.ts). Without a cache, a rotated or revoked key stops at once.
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes: { wiring: string; auth: RouteAuth; route: HttpRoute }[] = [];
  readonly lambdaAuthorizer: HttpLambdaAuthorizer | undefined;
  /** Rate and burst per route class and for the stage, as deployed. */
  readonly throttle: Record<RouteClass | 'stage', Throttle>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    checkRoutes(props.wirings);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Fazhi 法治协同 API for department systems and the web front end',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins,
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
        exposeHeaders: [
          'location',
          'x-correlation-id',
          'date',
          'retry-after',
          'x-fazhi-outcome',
          'idempotent-replayed',
        ],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.throttle = throttleSettings(this.node);
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: this.throttle.stage.rate, burstLimit: this.throttle.stage.burst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            responseLength: '$context.responseLength',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const authorizerWiring = props.wirings.find((w) => w.authorizer);
    this.lambdaAuthorizer = authorizerWiring
      ? new HttpLambdaAuthorizer('ApiKeyAuthorizer', props.functionOf(authorizerWiring.name), {
          authorizerName: 'api-key',
          responseTypes: [HttpLambdaResponseType.SIMPLE],
          identitySource: [],
          resultsCacheTtl: Duration.seconds(0),
        })
      : undefined;
    const none = new HttpNoneAuthorizer();

    const authorizerFor = (auth: RouteAuth): IHttpRouteAuthorizer => {
      switch (auth) {
        case 'apiKey':
        case 'either':
        case 'user':
          // checkRoutes guarantees it exists when such a route does.
          return this.lambdaAuthorizer!;
        case 'none':
          return none;
      }
    };

    // Throttling per route class (infra/lib/front-door.ts), set at deploy with -c fazhi:throttle.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const w of props.wirings) {
      if (!w.routes?.length) continue;
      // One invoke permission per function, for this API's routes (`<api>/*/*/*`), not one per route:
      // CloudFormation's 500 resources a stack would otherwise go on route permissions (70 of them).
      // Only this stack defines the API's routes, so the wider source ARN lets in no other caller.
      const integration = new HttpLambdaIntegration(`${w.name}-integration`, props.functionOf(w.name), {
        scopePermissionToRoute: false,
      });
      for (const r of w.routes) {
        const [route] = this.httpApi.addRoutes({
          path: r.path,
          methods: [METHODS[r.method]],
          integration,
          authorizer: authorizerFor(r.auth),
        });
        if (!route) continue;
        if (r.auth === 'none') {
          acknowledge(
            route,
            'AwsSolutions-APIG4',
            `${r.method} ${r.path} is public by its wiring (auth: none): ${r.doc.summary}`,
          );
        }
        this.routes.push({ wiring: w.name, auth: r.auth, route });
        const limit = this.throttle[routeClassOf(r)];
        // RouteSettings is untyped JSON in CloudFormation: its keys are written as the template spells them.
        routeSettings[`${r.method} ${r.path}`] = {
          ThrottlingRateLimit: limit.rate,
          ThrottlingBurstLimit: limit.burst,
        };
        // A route setting names a route key, which must exist when the stage is updated.
        this.stage.node.addDependency(route);
      }
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com/` (the `$default` stage has no path). */
  get url(): string {
    return this.stage.url;
  }
}
