export {
  queryUsage,
  type UsageQuery,
  type UsageReport,
  type UsageRow,
  type UsageTotals,
} from './usage-report'
export {
  createSpendMonitor,
  findUnusualSpend,
  type SpendMonitor,
  type SpendMonitorOptions,
  type SpendThresholds,
} from './spend-monitor'
export * from '../../shared/usage-schemas'
