import { Typography } from 'antd'
import type { MessageKey } from '../../../../shared/i18n'
import { useT } from '../../i18n'

// Key names are the same in every language (they are printed on the keys).
const SHORTCUTS: [string, MessageKey][] = [
  ['Alt+1', 'nav.reception'],
  ['Alt+2', 'nav.roList'],
  ['Alt+3', 'nav.appointments'],
  ['Alt+4', 'wk.nav'],
  ['F2', 'shortcut.search'],
  ['↑ ↓ Enter', 'shortcut.pickResult'],
  ['Esc', 'shortcut.clear'],
  ['Alt+N', 'shortcut.newCustomer'],
  ['Alt+C', 'shortcut.checkIn'],
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
