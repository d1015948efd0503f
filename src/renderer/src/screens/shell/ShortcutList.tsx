import { Typography } from 'antd'
import type { MessageKey } from '../../../../shared/i18n'
import { useT } from '../../i18n'
import { NAV_ITEMS } from './nav-items'

// Key names are the same in every language (they are printed on the keys).
const SHORTCUTS: [string, MessageKey][] = [
  ...NAV_ITEMS.map((item): [string, MessageKey] => [item.shortcut, item.label]),
  ['F2', 'shortcut.search'],
  ['↑ ↓ Enter', 'shortcut.pickResult'],
  ['Esc', 'shortcut.clear'],
  ['Alt+N', 'shortcut.newCustomer'],
  ['Alt+C', 'shortcut.checkIn'],
  ['Alt+T', 'shortcut.complaint'],
  ['Ctrl+S', 'shortcut.save'],
  ['Ctrl+Enter', 'shortcut.submit'],
  ['Ctrl+P', 'shortcut.print'],
]

export function ShortcutList() {
  const t = useT()
  return (
    <table className="shortcut-list">
      <tbody>
        {SHORTCUTS.map(([keys, label]) => (
          <tr key={keys}>
            <td>
              <Typography.Text keyboard>{keys}</Typography.Text>
            </td>
            <td>{t(label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
