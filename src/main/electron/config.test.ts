import { describe, expect, it } from 'vitest'
import { readShellConfig, ShellConfigError } from './config'

const argv = (...flags: string[]) => ['/opt/app/electron', '.', ...flags]

describe('shell configuration', () => {
  it('runs as host on 127.0.0.1:4780 by default', () => {
    expect(readShellConfig(argv(), {}, true)).toEqual({ mode: 'host', hostPort: 4780, hostAddress: '127.0.0.1', devUrl: null })
  })

  it('takes the host port and address from flags before the environment', () => {
    const env = { DEALER_HOST_PORT: '5000', DEALER_HOST_ADDRESS: '0.0.0.0' }
    expect(readShellConfig(argv(), env, true)).toMatchObject({ hostPort: 5000, hostAddress: '0.0.0.0' })
    expect(readShellConfig(argv('--host-port', '6000'), env, true)).toMatchObject({ hostPort: 6000 })
  })

  it('can switch the LAN host off, and rejects a bad port', () => {
    expect(readShellConfig(argv('--host-port=off'), {}, true)).toMatchObject({ hostPort: null })
    expect(() => readShellConfig(argv('--host-port', '70000'), {}, true)).toThrow(ShellConfigError)
    expect(() => readShellConfig(argv(), { DEALER_HOST_PORT: 'abc' }, true)).toThrow(ShellConfigError)
  })

  it('ignores Chromium switches it does not know', () => {
    expect(readShellConfig(argv('--no-sandbox', '--enable-logging', 'file.txt'), {}, true)).toMatchObject({ mode: 'host' })
  })

  it('becomes a terminal when given the host URL and a device token', () => {
    expect(readShellConfig(argv('--host-url', 'http://192.168.1.10:4780/x'), { DEALER_DEVICE_TOKEN: 'dev-tok' }, true)).toEqual({
      mode: 'terminal',
      hostUrl: 'http://192.168.1.10:4780/',
      deviceToken: 'dev-tok',
      devUrl: null,
    })
  })

  it('refuses terminal mode without a device token or with a non-HTTP URL', () => {
    expect(() => readShellConfig(argv('--host-url', 'http://10.0.0.2:4780'), {}, true)).toThrow(/device-token/)
    expect(() => readShellConfig(argv('--host-url', 'file:///etc', '--device-token', 't'), {}, true)).toThrow(ShellConfigError)
  })

  it('honours the dev server URL only when not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(readShellConfig(argv(), env, false).devUrl).toBe('http://localhost:5173')
    expect(readShellConfig(argv(), env, true).devUrl).toBeNull()
  })
})
