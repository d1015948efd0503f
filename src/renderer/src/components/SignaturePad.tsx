import { useEffect, useRef, type PointerEvent } from 'react'
import { Button } from 'antd'
import { useT } from '../i18n'

interface Props {
  onChange(pngDataUrl: string | null): void
  width?: number
  height?: number
}

/** The customer signs on screen with mouse, pen or finger; the result is a PNG data URL. */
export function SignaturePad({ onChange, width = 460, height = 150 }: Props) {
  const t = useT()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const drawing = useRef(false)
  const inked = useRef(false)

  useEffect(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    // Drawn at device resolution so the stored signature is not blurry on high-DPI screens.
    const ratio = window.devicePixelRatio || 1
    canvas.width = width * ratio
    canvas.height = height * ratio
    ctx.scale(ratio, ratio)
    ctx.lineWidth = 2.2
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.strokeStyle = '#111'
  }, [width, height])

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }

  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvasRef.current?.getContext('2d')
    if (!ctx) return
    event.currentTarget.setPointerCapture(event.pointerId)
    drawing.current = true
    const { x, y } = point(event)
    ctx.beginPath()
    ctx.moveTo(x, y)
  }

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvasRef.current?.getContext('2d')
    if (!drawing.current || !ctx) return
    const { x, y } = point(event)
    ctx.lineTo(x, y)
    ctx.stroke()
    inked.current = true
  }

  const up = () => {
    if (!drawing.current) return
    drawing.current = false
    if (inked.current && canvasRef.current) onChange(canvasRef.current.toDataURL('image/png'))
  }

  const clear = () => {
    const canvas = canvasRef.current
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height)
    inked.current = false
    onChange(null)
  }

  return (
    <div className="signature-pad">
      <canvas
        ref={canvasRef}
        style={{ width, height }}
        aria-label={t('authz.signaturePad')}
        role="img"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <div className="signature-foot">
        <span className="muted">{t('authz.signHere')}</span>
        <Button size="small" onClick={clear}>
          {t('authz.clearSignature')}
        </Button>
      </div>
    </div>
  )
}
