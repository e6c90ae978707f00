// Scanning a member's personal code (我的签到码) on the organiser's phone: the rear camera's frames are drawn on a
// canvas and decoded with jsqr; the page falls back to the typed eight-digit number without a camera.
import jsQR from 'jsqr'

/** The text of the QR code in an RGBA frame, or null when there is none. */
export function decodeFrame(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })
  return found ? found.data : null
}

/** Whether scanned text is a member's code (LXM.<member>.<minute>.<mac>) rather than an activity's or anything else. */
export function isMemberCode(text: string): boolean {
  return /^LXM\.\d{1,18}\.\d{1,12}\.[A-Za-z0-9_-]{22}$/.test(text.trim())
}

/** Why the camera cannot be used, as the i18n key of the message to show. */
export function cameraProblem(error: unknown): 'activity.cameraDenied' | 'activity.cameraUnsupported' {
  const name = (error as { name?: string } | null)?.name
  return name === 'NotSupportedError' || name === 'TypeError' ? 'activity.cameraUnsupported' : 'activity.cameraDenied'
}
