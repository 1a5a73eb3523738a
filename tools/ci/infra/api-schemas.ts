/**
 * Where the schema of each apiVersion/kind comes from: kubernetes-models (generated from the
 * Kubernetes OpenAPI spec) for built-in kinds, @kubernetes-models/prometheus-operator (generated
 * from the operator's CRD) for ServiceMonitor. A kind that is not listed is an error, never a
 * silent skip: add it here.
 */
export interface SchemaSource {
  /** Module exporting the model class (its validate() runs the JSON-schema validator). */
  readonly module: string;
  /** Name of the model class in that module. */
  readonly className: string;
  /** Name of the TypeScript interface of the object (used for the unknown-field check). */
  readonly typeName: string;
}

const core = (kind: string, path = `v1/${kind}`): SchemaSource => ({ module: `kubernetes-models/${path}`, className: kind, typeName: `I${kind}` });

export const SCHEMA_SOURCES: ReadonlyMap<string, SchemaSource> = new Map([
  ['v1/ConfigMap', core('ConfigMap')],
  ['v1/Secret', core('Secret')],
  ['v1/Service', core('Service')],
  ['v1/Namespace', core('Namespace')],
  ['v1/PersistentVolumeClaim', core('PersistentVolumeClaim')],
  ['apps/v1/Deployment', core('Deployment', 'apps/v1/Deployment')],
  ['apps/v1/StatefulSet', core('StatefulSet', 'apps/v1/StatefulSet')],
  ['batch/v1/Job', core('Job', 'batch/v1/Job')],
  ['batch/v1/CronJob', core('CronJob', 'batch/v1/CronJob')],
  ['autoscaling/v2/HorizontalPodAutoscaler', core('HorizontalPodAutoscaler', 'autoscaling/v2/HorizontalPodAutoscaler')],
  ['policy/v1/PodDisruptionBudget', core('PodDisruptionBudget', 'policy/v1/PodDisruptionBudget')],
  ['networking.k8s.io/v1/NetworkPolicy', core('NetworkPolicy', 'networking.k8s.io/v1/NetworkPolicy')],
  [
    'monitoring.coreos.com/v1/ServiceMonitor',
    { module: '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor', className: 'ServiceMonitor', typeName: 'IServiceMonitor' },
  ],
]);

export function schemaKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}
