// The addresses a wall display (车间大屏) is given. A TV on the LAN opens the host's `/wall` page,
// which admits it by its display token (it is no paired workstation) and lands on the wall route;
// this PC can open the wall route directly.
import { hrefOf } from '../../../router'

/** What a TV types or scans: `http://<LAN address>:<port>/wall?token=…`. */
export function lanWallUrl(baseUrl: string, token: string): string {
  return `${baseUrl}wall?token=${encodeURIComponent(token)}`
}

/** The wall on this PC, in this window's own origin (loopback needs no admission). */
export function localWallUrl(token: string, location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${location.origin}${location.pathname}${hrefOf({ name: 'wall', token })}`
}
