import { useEffect, useState } from 'react'
import QRCode from 'qrcode'

/**
 * A QR code of `text` as an SVG image, for a device with a camera to open an address without
 * typing it (the workshop TV's browser, a phone). Drawn locally: no service, no network.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    // Medium error correction: survives a glare on the screen it is scanned from.
    void QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)
    })
    return () => {
      live = false
    }
  }, [text])
  return src ? <img className="qr-code" src={src} width={size} height={size} alt={label} data-qr-text={text} /> : <div style={{ width: size, height: size }} />
}
