import { Duration, Stack } from 'aws-cdk-lib';
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

    this.registry = new CfnRegistry(this, 'Registry', {
      registryName: `${props.busName}-catalog`,
      description: 'Fazhi cross-department event catalog (generated from events/src/catalog.ts)',
    });
    this.schemas = props.schemas.map((s) => {
      const schema = new CfnSchema(this, `Schema-${s.detailType}-v${s.version}`, {
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
