export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface FirstLoad {
  /** The entry chunk and its static imports: what runs before the canvas shows. */
  initial: ChunkSize[];
  css: ChunkSize[];
  /** Chunks loaded when first needed, and the engine's worker. */
  later: ChunkSize[];
  totalBytes: number;
  totalGzip: number;
  budgetGzip: number;
}

export const FIRST_LOAD_BUDGET_KB: number;
export function buildForSize(outDir?: string): Promise<string>;
export function firstLoad(outDir: string): FirstLoad;
export function formatFirstLoad(r: FirstLoad): string;
