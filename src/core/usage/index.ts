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
  findUnusualSpend,
  type SpendMonitor,
  type SpendMonitorOptions,
  type SpendThresholds,
} from './spend-monitor'
export * from '../../shared/usage-schemas'
