import { EventEmitter } from 'node:events'
import type { MenuItemInfo } from '../messages.ts'
import { callHandler, guarded, violate } from './rules.ts'
import { state } from './state.ts'

type Role = NonNullable<Electron.MenuItemConstructorOptions['role']>

/** Every role Electron 45 knows; `satisfies` lets tsc check each against electron.d.ts. */
const ROLES = new Set<string>([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleSpellChecker',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'showSubstitutions',
  'toggleSmartQuotes',
  'toggleSmartDashes',
  'toggleTextReplacement',
  'startSpeaking',
  'stopSpeaking',
  'zoom',
  'front',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'shareMenu',
  'recentDocuments',
  'toggleTabBar',
  'selectNextTab',
  'selectPreviousTab',
  'showAllTabs',
  'mergeAllWindows',
  'clearRecentDocuments',
  'moveTabToNewWindow',
  'windowMenu',
] satisfies Role[])

interface ItemOptions {
  label?: string
  role?: string
  type?: string
  enabled?: boolean
  visible?: boolean
  click?: (...args: unknown[]) => void
  submenu?: ItemOptions[] | StandInMenu
}

export class MenuItem {
  readonly label?: string
  readonly role?: string
  readonly type?: string
  readonly enabled: boolean
  readonly visible: boolean
  readonly click?: (...args: unknown[]) => void
  readonly submenu?: StandInMenu

  constructor(options: ItemOptions) {
    if (options.role !== undefined && !ROLES.has(options.role)) {
      violate('menu-role', `a menu item has the role "${options.role}", which Electron lacks.`)
    }
    if (options.label !== undefined) this.label = options.label
    if (options.role !== undefined) this.role = options.role
    if (options.type !== undefined) this.type = options.type
    if (options.click !== undefined) this.click = options.click
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    const submenu = options.submenu
    if (submenu !== undefined) {
      this.submenu =
        submenu instanceof StandInMenu ? submenu : StandInMenu.buildFromTemplate(submenu)
    }
  }
}

/** The last menu popped up, for the test to read and click. */
const popups: { last?: StandInMenu } = {}

export function lastPopup(): StandInMenu | undefined {
  return popups.last
}

export function forgetPopup(): void {
  delete popups.last
}

class StandInMenu extends EventEmitter {
  readonly items: MenuItem[] = []
  private static application: StandInMenu | null = null

  static buildFromTemplate(template: (ItemOptions | MenuItem)[]): StandInMenu {
    const menu = new StandInMenu()
    for (const item of template) menu.append(item instanceof MenuItem ? item : new MenuItem(item))
    return menu
  }

  static setApplicationMenu(menu: StandInMenu | null): void {
    StandInMenu.application = menu
  }

  static getApplicationMenu(): StandInMenu | null {
    return StandInMenu.application
  }

  append(item: MenuItem): void {
    this.items.push(item)
  }

  popup(_options?: object): void {
    popups.last = this
    state.report({ type: 'menu-popup', items: this.visibleItems() })
  }

  visibleItems(): MenuItemInfo[] {
    return this.items.filter((item) => item.visible).map(info)
  }

  closePopup(): void {}

  /** The test clicks a visible item, as the person would. */
  clickVisible(index: number): void {
    const item = this.items.filter((i) => i.visible)[index]
    if (!item) throw new Error(`The menu has no visible item ${index}.`)
    if (item.click) callHandler(`the click of "${item.label ?? item.role}"`, () => item.click?.())
    else state.report({ type: 'app-call', method: `menu-role:${item.role}`, args: [] })
  }
}

function info(item: MenuItem): MenuItemInfo {
  return {
    ...(item.label !== undefined ? { label: item.label } : {}),
    ...(item.role !== undefined ? { role: item.role } : {}),
    ...(item.type !== undefined ? { type: item.type } : {}),
    enabled: item.enabled,
  }
}

export const Menu = guarded('Menu', StandInMenu)
