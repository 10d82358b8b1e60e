export const shellEn = {
  'shell.sidebar': 'Sidebar',
  'shell.history': 'History',
  'shell.nav': 'Sections',
  'shell.newChat': 'New chat',
  'shell.newCompare': 'Compare',
  'shell.connections': 'Connections',
  'shell.usage': 'Usage',
  'shell.settings': 'Settings',
} as const
