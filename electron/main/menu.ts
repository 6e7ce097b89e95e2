import type { MenuItemConstructorOptions } from 'electron'

export interface AppMenuOptions {
  isPackaged: boolean
  platform: NodeJS.Platform
  onAbout: () => void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** Minimal Chinese menu with standard roles. Reload and developer tools only in development. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        separator
      ]

  const macAppMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: '车档',
          submenu: [
            { role: 'about', label: '关于车档' },
            separator,
            { role: 'hide', label: '隐藏车档' },
            { role: 'hideOthers', label: '隐藏其他' },
            { role: 'unhide', label: '全部显示' },
            separator,
            { role: 'quit', label: '退出车档' }
          ]
        }
      ]
    : []

  return [
    ...macAppMenu,
    {
      label: '文件',
      submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }]
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        separator,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' }
      ]
    },
    {
      label: '视图',
      submenu: [
        ...developer,
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        separator,
        { role: 'togglefullscreen', label: '全屏' }
      ]
    },
    {
      label: '帮助',
      submenu: [{ label: '关于车档', click: () => options.onAbout() }]
    }
  ]
}
