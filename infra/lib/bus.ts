import { Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import type { CatalogSchema } from './catalog-schemas';

export interface BusProps {
  busName: string;
  /** The catalog, one registry schema per detail-type version. */
  schemas: readonly CatalogSchema[];
  archiveRetention?: Duration;
}

// The custom bus every service and department event travels on, an archive so a subscriber that
// was broken can be replayed, and the catalog in the schema registry for departments' tooling.
export class Bus extends Construct {
  readonly bus: EventBus;
  /** The schema registry's own stack: one resource per catalog version would crowd the main one. */
  readonly catalog: NestedStack;
  readonly registry: CfnRegistry;
  readonly schemas: CfnSchema[];

  constructor(scope: Construct, id: string, props: BusProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: props.busName });
    this.bus.archive('Archive', {
      description: 'Every event on the Fazhi bus, for replay after a subscriber failure',
      // An archive needs a pattern; the account matches every event on the bus.
      eventPattern: { account: [Stack.of(this).account] },
      retention: props.archiveRetention ?? Duration.days(365),
    });

    // CloudFormation allows 500 resources a stack, and every detail-type version is one schema: the
    // registry lives in a nested stack (one resource in the main stack), so new services' events
    // do not push the functions out.
    this.catalog = new NestedStack(this, 'Catalog', {
      description: 'Fazhi event catalog: the schema registry and one schema per detail-type version',
    });
    this.registry = new CfnRegistry(this.catalog, 'Registry', {
      registryName: `${props.busName}-catalog`,
      description: 'Fazhi cross-department event catalog (generated from events/src/catalog.ts)',
    });
    this.schemas = props.schemas.map((s) => {
      const schema = new CfnSchema(this.catalog, `Schema-${s.detailType}-v${s.version}`, {
        registryName: this.registry.attrRegistryName,
        schemaName: s.schemaName,
        type: 'JSONSchemaDraft4',
        content: JSON.stringify(s.content),
        description: `${s.detailType} version ${s.version}`,
      });
      return schema;
    });
  }
}
