export const shellEn = {
  'shell.sidebar': 'Sidebar',
  'shell.sidebarToggle': 'Sidebar',
  'shell.sidebarHide': 'Hide sidebar',
  'shell.sidebarShow': 'Show sidebar',
  'shell.history': 'History',
  'shell.nav': 'Sections',
  'shell.newChat': 'New chat',
  'shell.newCompare': 'Compare',
  'shell.connections': 'Connections',
  'shell.usage': 'Usage',
  'shell.settings': 'Settings',
  'shell.skipToMain': 'Skip to main content',
} as const
