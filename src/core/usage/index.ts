export {
  createUsageRepository,
  type ConnectionSpend,
  type SpendRange,
  type UsageQuery,
  type UsageReport,
  type UsageRepository,
  type UsageRow,
  type UsageTotals,
} from './usage-repository'
export {
  createSpendMonitor,
  findBurst,
  findUnusualSpend,
  warningId,
  type BurstThresholds,
  type SpendMonitor,
  type SpendMonitorOptions,
  type SpendThresholds,
} from './spend-monitor'
export type { LedgerEntry } from './usage-ledger'
export * from '../../shared/usage-schemas'
