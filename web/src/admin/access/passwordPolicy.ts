// The password rule of docs/api.md: at least 8 characters with three of the four kinds.

export function meetsPasswordPolicy(password: string): boolean {
  if (password.length < 8) return false
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length
  return kinds >= 3
}
