// Vant fields render their <input> inside a wrapper; put the test hook on the input itself
// so that a browser test can fill it.
import type { Directive } from 'vue'

export const vInputTestid: Directive<HTMLElement, string> = {
  mounted(el, binding) {
    el.querySelector('input, textarea')?.setAttribute('data-testid', binding.value)
  },
}
