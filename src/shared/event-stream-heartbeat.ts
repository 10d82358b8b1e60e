/**
 * The web host's event stream sends this event every HEARTBEAT_INTERVAL_MS, whatever else it
 * sends. A page that hears nothing for longer (a host frozen, or gone without its socket
 * closing) asks whether the host still answers, and says the connection was lost when it does
 * not. (Not a contract event: only the web client's stream watcher listens to it.)
 */
export const HEARTBEAT_EVENT = 'heartbeat'
export const HEARTBEAT_INTERVAL_MS = 1_000
