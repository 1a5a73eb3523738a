/** The parts of a pod spec the cross-object checks read (the schema check covers the rest). */
export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } };
}
export interface Probe {
  readonly grpc?: { port: number; service?: string };
  readonly exec?: { command: string[] };
}
export interface Container {
  readonly name: string;
  readonly ports?: { name?: string; containerPort: number }[];
  readonly env?: EnvVar[];
  readonly envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readonly resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  readonly startupProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
}
export interface Volume {
  readonly name: string;
  readonly configMap?: { name: string };
  readonly secret?: { secretName: string };
  readonly persistentVolumeClaim?: { claimName: string };
}
export interface PodSpec {
  readonly containers: Container[];
  readonly volumes?: Volume[];
  readonly terminationGracePeriodSeconds?: number;
}
export interface PodTemplate {
  readonly metadata?: { labels?: Record<string, string> };
  readonly spec: PodSpec;
}

/** True if every key/value of `selector` is among `labels` (matchLabels semantics). */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (selector === undefined || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Seconds a preStop hook waits: `sleep N` exec or the native sleep action. */
export function preStopSeconds(c: Container): number {
  const pre = c.lifecycle?.preStop;
  if (pre?.sleep !== undefined) return pre.sleep.seconds;
  const cmd = pre?.exec?.command ?? [];
  return cmd[0] === 'sleep' && cmd.length === 2 ? Number(cmd[1]) : 0;
}
