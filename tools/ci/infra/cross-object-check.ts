import { describe, type KubeObject, type Manifest } from './kube-object';
import { preStopSeconds, selects, type Container, type PodTemplate } from './pod-spec';

/** Secrets the manifests use but never contain: the operator creates them (docs/operations). */
export const EXTERNAL_SECRETS: ReadonlySet<string> = new Set(['swirl-auth', 'swirl-tls']);

interface Workload {
  readonly manifest: Manifest;
  readonly template: PodTemplate;
}

const spec = <T>(o: KubeObject): T => o['spec'] as T;

function workloads(manifests: readonly Manifest[]): Workload[] {
  return manifests
    .filter((m) => ['Deployment', 'StatefulSet', 'Job'].includes(m.object.kind))
    .map((m) => ({ manifest: m, template: spec<{ template: PodTemplate }>(m.object).template }));
}

/**
 * What a schema cannot see: references between objects (selectors, ConfigMaps, Secrets, volumes,
 * scale targets, named ports), and the rules this project's manifests keep (probes, resources,
 * headless Services, a grace period that covers the kit's drain).
 */
export function checkCrossObject(manifests: readonly Manifest[]): string[] {
  const errors: string[] = [];
  const named = (kind: string) => new Set(manifests.filter((m) => m.object.kind === kind).map((m) => m.object.metadata.name));
  const configMaps = named('ConfigMap');
  const secrets = new Set([...named('Secret'), ...EXTERNAL_SECRETS]);
  const claims = named('PersistentVolumeClaim');
  const loads = workloads(manifests);
  const deployments = loads.filter((w) => w.manifest.object.kind === 'Deployment');
  const configData = new Map(
    manifests.filter((m) => m.object.kind === 'ConfigMap').map((m) => [m.object.metadata.name, (m.object['data'] ?? {}) as Record<string, string>]),
  );

  for (const w of loads) {
    const where = describe(w.manifest);
    const pod = w.template.spec;
    for (const v of pod.volumes ?? []) {
      if (v.configMap && !configMaps.has(v.configMap.name)) errors.push(`${where}: volume ${v.name} uses ConfigMap ${v.configMap.name}, which is not rendered`);
      if (v.secret && !secrets.has(v.secret.secretName)) errors.push(`${where}: volume ${v.name} uses unknown Secret ${v.secret.secretName}`);
      if (v.persistentVolumeClaim && !claims.has(v.persistentVolumeClaim.claimName)) {
        errors.push(`${where}: volume ${v.name} uses PersistentVolumeClaim ${v.persistentVolumeClaim.claimName}, which is not rendered`);
      }
    }
    for (const c of pod.containers) errors.push(...checkContainer(`${where} container ${c.name}`, c, w, { configMaps, secrets, configData }));
  }
  for (const d of deployments) {
    const selector = spec<{ selector: { matchLabels?: Record<string, string> } }>(d.manifest.object).selector.matchLabels;
    if (!selects(selector, d.template.metadata?.labels)) errors.push(`${describe(d.manifest)}: spec.selector does not match the pod template's labels`);
  }
  const podLabels = deployments.map((d) => ({ d, labels: d.template.metadata?.labels }));
  const selected = (selector: Record<string, string> | undefined) => podLabels.filter((p) => selects(selector, p.labels)).map((p) => p.d);

  for (const m of manifests) {
    const o = m.object;
    const where = describe(m);
    if (o.kind === 'Service') {
      const s = spec<{ selector?: Record<string, string>; clusterIP?: string; ports: { name?: string; targetPort?: string | number }[] }>(o);
      const targets = selected(s.selector);
      if (targets.length === 0) errors.push(`${where}: selector matches no Deployment`);
      if (s.ports.some((p) => p.name === 'grpc') && s.clusterIP !== 'None') errors.push(`${where}: gRPC Services must be headless (clusterIP: None) for client-side round-robin`);
      for (const p of s.ports.filter((p) => typeof p.targetPort === 'string')) {
        for (const t of targets) {
          if (!t.template.spec.containers.some((c) => c.ports?.some((cp) => cp.name === p.targetPort))) {
            errors.push(`${where}: targetPort ${String(p.targetPort)} is not a named port of ${describe(t.manifest)}`);
          }
        }
      }
    } else if (o.kind === 'HorizontalPodAutoscaler') {
      const ref = spec<{ scaleTargetRef: { kind: string; name: string } }>(o).scaleTargetRef;
      const target = deployments.find((d) => ref.kind === 'Deployment' && d.manifest.object.metadata.name === ref.name);
      if (target === undefined) errors.push(`${where}: scaleTargetRef ${ref.kind}/${ref.name} is not rendered`);
      else if (target.template.spec.containers.some((c) => c.resources?.requests?.['cpu'] === undefined)) {
        errors.push(`${where}: CPU utilisation needs cpu requests on every container of ${describe(target.manifest)}`);
      }
    } else if (o.kind === 'PodDisruptionBudget' || o.kind === 'NetworkPolicy') {
      const selector = o.kind === 'PodDisruptionBudget' ? spec<{ selector: { matchLabels?: Record<string, string> } }>(o).selector : spec<{ podSelector: { matchLabels?: Record<string, string> } }>(o).podSelector;
      if (selected(selector.matchLabels).length === 0) errors.push(`${where}: selector matches no Deployment`);
    } else if (o.kind === 'ServiceMonitor') {
      const sm = spec<{ selector: { matchLabels?: Record<string, string> }; endpoints: { port?: string }[] }>(o);
      const services = manifests.filter((s) => s.object.kind === 'Service' && selects(sm.selector.matchLabels, s.object.metadata.labels));
      if (services.length === 0) errors.push(`${where}: selector matches no Service`);
      for (const s of services) {
        const ports = spec<{ ports: { name?: string }[] }>(s.object).ports.map((p) => p.name);
        for (const e of sm.endpoints) if (e.port && !ports.includes(e.port)) errors.push(`${where}: ${describe(s)} has no port named ${e.port}`);
      }
    }
  }
  return errors;
}

interface Known {
  readonly configMaps: ReadonlySet<string>;
  readonly secrets: ReadonlySet<string>;
  readonly configData: ReadonlyMap<string, Record<string, string>>;
}

function checkContainer(where: string, c: Container, w: Workload, known: Known): string[] {
  const errors: string[] = [];
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    if (cm && known.configData.get(cm.name)?.[cm.key] === undefined) errors.push(`${where}: env ${e.name} reads ${cm.name}/${cm.key}, which is not rendered`);
    const secret = e.valueFrom?.secretKeyRef;
    if (secret && !known.secrets.has(secret.name)) errors.push(`${where}: env ${e.name} reads unknown Secret ${secret.name}`);
  }
  for (const f of c.envFrom ?? []) {
    if (f.configMapRef && !known.configMaps.has(f.configMapRef.name)) errors.push(`${where}: envFrom ConfigMap ${f.configMapRef.name} is not rendered`);
  }
  for (const kind of ['cpu', 'memory']) {
    if (c.resources?.requests?.[kind] === undefined || c.resources?.limits?.[kind] === undefined) errors.push(`${where}: needs ${kind} requests and limits`);
  }
  if (w.manifest.object.kind !== 'Deployment') return errors;
  for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) {
    const p = c[probe];
    if (p === undefined) errors.push(`${where}: needs a ${probe}`);
    else if (p.grpc && !c.ports?.some((cp) => cp.containerPort === p.grpc?.port)) errors.push(`${where}: ${probe} probes port ${p.grpc.port}, which the container does not declare`);
  }
  // A kit service drains in drain delay + shutdown grace after SIGTERM, which comes after preStop.
  const env = (name: string): string | undefined =>
    c.env?.find((e) => e.name === name)?.value ?? (c.envFrom ?? []).map((f) => known.configData.get(f.configMapRef?.name ?? '')?.[name]).find((v) => v !== undefined);
  const grace = env('SWIRL_SHUTDOWN_GRACE_MS');
  if (grace !== undefined) {
    const needed = preStopSeconds(c) + (Number(env('SWIRL_DRAIN_DELAY_MS') ?? 0) + Number(grace)) / 1000;
    const given = w.template.spec.terminationGracePeriodSeconds ?? 30;
    if (given <= needed) errors.push(`${where}: terminationGracePeriodSeconds ${given} does not cover preStop + drain delay + shutdown grace (${needed} s)`);
  }
  return errors;
}
