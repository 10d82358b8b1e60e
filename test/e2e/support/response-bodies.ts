import type { Page } from '@playwright/test'

/** Every response body the page receives from now on (to prove a secret never reaches it). */
export function collectResponseBodies(page: Page): string[] {
  const bodies: string[] = []
  page.on('response', (response) => {
    void response
      .text()
      .then((text) => bodies.push(text))
      .catch(() => {})
  })
  return bodies
}
