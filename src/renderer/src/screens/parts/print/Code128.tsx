/**
 * A Code 128 symbol drawn from the module widths the host computes (bars and spaces alternating,
 * starting with a bar). SVG keeps the bars exact at any printer resolution; the quiet zone of
 * ten modules on each side is part of the drawing so a scanner finds the start.
 */
export function Code128({ widths, label, height = 40, maxMm = 58 }: { widths: string; label: string; height?: number; maxMm?: number }) {
  const QUIET = 10
  const modules = Array.from(widths, Number)
  const total = modules.reduce((a, b) => a + b, 0) + QUIET * 2
  const bars: { x: number; w: number }[] = []
  let x = QUIET
  modules.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, w })
    x += w
  })
  return (
    <svg
      className="pt-barcode"
      viewBox={`0 0 ${total} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      // 0.3 mm a module (a common handheld scanner's sweet spot), narrower only for long numbers.
      style={{ width: `${Math.min(total * 0.3, maxMm)}mm` }}
    >
      <rect x={0} y={0} width={total} height={height} fill="#fff" />
      {bars.map((b) => (
        <rect key={b.x} x={b.x} y={0} width={b.w} height={height} fill="#000" />
      ))}
    </svg>
  )
}
