import type { KeyboardEvent } from 'react'
import { useT } from '../../i18n'
import { CAR_AREAS, type CarArea } from './findings'

// Top view of a car, front at the top. Each panel is a button: click or Enter marks damage there.
const SHAPES: Record<CarArea, { d: string; lx: number; ly: number }> = {
  front: { d: 'M60 20 Q100 4 140 20 L140 40 L60 40 Z', lx: 100, ly: 30 },
  bonnet: { d: 'M60 40 L140 40 L140 100 L60 100 Z', lx: 100, ly: 72 },
  windscreen: { d: 'M62 100 L138 100 L132 124 L68 124 Z', lx: 100, ly: 114 },
  roof: { d: 'M68 124 L132 124 L132 214 L68 214 Z', lx: 100, ly: 170 },
  rear_window: { d: 'M68 214 L132 214 L138 234 L62 234 Z', lx: 100, ly: 226 },
  boot: { d: 'M60 234 L140 234 L140 280 L60 280 Z', lx: 100, ly: 258 },
  rear: { d: 'M60 280 L140 280 L140 296 Q100 312 60 296 Z', lx: 100, ly: 292 },
  left_front: { d: 'M30 60 L60 60 L60 170 L30 170 Z', lx: 45, ly: 115 },
  left_rear: { d: 'M30 170 L60 170 L60 270 L30 270 Z', lx: 45, ly: 220 },
  right_front: { d: 'M140 60 L170 60 L170 170 L140 170 Z', lx: 155, ly: 115 },
  right_rear: { d: 'M140 170 L170 170 L170 270 L140 270 Z', lx: 155, ly: 220 },
}

interface Props {
  marks: Partial<Record<CarArea, number>>
  onMark(area: CarArea): void
}

export function CarDiagram({ marks, onMark }: Props) {
  const t = useT()
  const onKey = (area: CarArea) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    onMark(area)
  }
  return (
    <svg className="car-diagram" viewBox="0 0 200 316" role="group" aria-label={t('checkIn.diagram')}>
      {CAR_AREAS.map((area) => {
        const shape = SHAPES[area]
        const count = marks[area] ?? 0
        return (
          <g
            key={area}
            role="button"
            tabIndex={0}
            aria-label={t('checkIn.markArea', { area: t(`walk.area.${area}`) })}
            aria-pressed={count > 0}
            className={count > 0 ? 'car-area car-area-marked' : 'car-area'}
            onClick={() => onMark(area)}
            onKeyDown={onKey(area)}
          >
            <title>{t(`walk.area.${area}`)}</title>
            <path d={shape.d} />
            {count > 0 && (
              <text x={shape.lx} y={shape.ly} textAnchor="middle" dominantBaseline="middle">
                ✕{count > 1 ? count : ''}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
