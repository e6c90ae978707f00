// Who is logged in: the Me answer, kept in a Pinia store shared by both apps.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError, authApi } from './api'
import { hasPermission } from './permissions'
import type { LoginForm, Me } from './types'

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  const permissions = computed(() => me.value?.permissions ?? [])
  const roleLabels = computed(() => {
    const labels = (me.value?.roles ?? []).map((r) => r.roleLabel)
    return [...new Set(labels)]
  })

  function can(permission: string): boolean {
    return hasPermission(permissions.value, permission)
  }

  /** Ask the server who is logged in; null when nobody is (401). */
  async function load(): Promise<Me | null> {
    try {
      me.value = await authApi.me()
    } catch (e) {
      me.value = null
      if (!(e instanceof ApiError && e.status === 401)) throw e
    }
    return me.value
  }

  async function login(form: LoginForm): Promise<Me> {
    me.value = await authApi.login(form)
    return me.value
  }

  /** After a 401 `totp-required`: the code from the authenticator app completes the login. */
  async function loginTotp(code: string): Promise<Me> {
    me.value = await authApi.loginTotp(code)
    return me.value
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      me.value = null
    }
  }

  function forget(): void {
    me.value = null
  }

  return { me, permissions, roleLabels, can, load, login, loginTotp, logout, forget }
})
