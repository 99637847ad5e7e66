/** What the export writes: one file per target. */
export const EXPORT_TARGETS = ['compose', 'k8s', 'istio'] as const;

/** One of {@link EXPORT_TARGETS}. */
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** The name a person reads for each target (tabs, help text). */
export const TARGET_TITLES: Readonly<Record<ExportTarget, string>> = {
  compose: 'Docker Compose',
  k8s: 'Kubernetes',
  istio: 'Istio',
};

/** The file each target is written to. */
export const TARGET_FILES: Readonly<Record<ExportTarget, string>> = {
  compose: 'compose.yaml',
  k8s: 'kubernetes.yaml',
  istio: 'istio.yaml',
};

/** One exported file. */
export interface ExportFile {
  target: ExportTarget;
  fileName: string;
  text: string;
}

/** Choices a person may make; everything else comes from the scenario. */
export interface ExportOptions {
  /** Where the team's own images live (services, gateways, sagas, the registry). */
  imageRegistry?: string;
  /** The Kubernetes namespace (default: the scenario's name as a DNS label). */
  namespace?: string;
}

export const DEFAULT_IMAGE_REGISTRY = 'registry.example.com/microcosm';
