// Dates and times shown in the viewer's local time, in the chosen locale.

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date)
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}

/** Today as YYYY-MM-DD in local time. */
export function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * A child area's name as a label on its parent's map: without the parent's name in front
 * (北江社区第一网格 inside 北江社区 → 第一网格). Unchanged when it does not start with it, or
 * when nothing would be left.
 */
export function shortAreaName(name: string, parentName: string | null | undefined): string {
  const parent = parentName?.trim()
  if (!parent || !name.startsWith(parent)) return name
  const rest = name.slice(parent.length).replace(/^[\s·・:：\-—_/()（）]+/, '')
  return rest || name
}
