// Types for start-lib.mjs (plain JS so `npm start` runs on bare Node without a TS loader).
export declare const DEFAULT_PORT: number
export declare const BUILD_OUTPUTS: readonly string[]
export declare const BUILD_INPUTS: readonly string[]
export declare function newestMtime(path: string): number
export declare function buildReason(root: string): string | null

export interface RequireLike {
  (id: string): unknown
  resolve(id: string): string
}
export declare function findElectron(requireFn: (id: string) => unknown): string | null
export declare function resolveBin(requireFn: RequireLike, pkg: string, name?: string): string
export declare function hostPort(env: Record<string, string | undefined>): number

export interface StartPlan {
  kind: 'electron' | 'host'
  command: string
  args: string[]
  message: string | null
}
export declare function planStart(options: {
  root: string
  electronPath: string | null
  port: number
  execPath: string
  tsxCli: string
  extraArgs?: string[]
}): StartPlan
export declare function readyBanner(url: string): string
export declare function browserCommand(
  url: string,
  options: { platform: string; env: Record<string, string | undefined> },
): { command: string; args: string[] } | null
