import type { AppInfo, HostKind } from '../../shared/contract'

export interface AppInfoSource {
  version: string
  host: HostKind
  dataDir: string
}

/** Reads runtime versions from the process the core runs in (Electron main or Node). */
export function readAppInfo(source: AppInfoSource): AppInfo {
  const { versions } = process
  return {
    name: 'Parallax',
    version: source.version,
    host: source.host,
    platform: process.platform,
    arch: process.arch,
    versions: {
      node: versions.node,
      v8: versions.v8,
      ...(versions.electron ? { electron: versions.electron } : {}),
      ...(versions.chrome ? { chrome: versions.chrome } : {}),
    },
    dataDir: source.dataDir,
  }
}
