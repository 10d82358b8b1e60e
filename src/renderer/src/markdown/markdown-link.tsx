import { useRef, useState, type ComponentProps } from 'react'
import { OpenLinkDialog } from './open-link-dialog'
import { parseWebUrl } from './safe-url'

/**
 * A link in model output. Only http(s) links are links at all; clicking one asks first, then
 * opens it in a new window without opener or referrer (Electron routes that to the OS browser).
 */
export function MarkdownLink({ href, children }: ComponentProps<'a'>) {
  const [confirming, setConfirming] = useState(false)
  const anchorRef = useRef<HTMLAnchorElement>(null)
  const url = parseWebUrl(href)
  if (!url) return <span className="markdown-link-inert">{children}</span>

  const close = () => {
    setConfirming(false)
    anchorRef.current?.focus()
  }
  return (
    <>
      <a
        ref={anchorRef}
        href={url.href}
        title={url.href}
        className="markdown-link"
        onClick={(event) => {
          event.preventDefault()
          setConfirming(true)
        }}
        onAuxClick={(event) => event.preventDefault()}
      >
        {children}
      </a>
      {confirming && (
        <OpenLinkDialog
          url={url.href}
          onCancel={close}
          onOpen={() => {
            window.open(url.href, '_blank', 'noopener,noreferrer')
            close()
          }}
        />
      )}
    </>
  )
}
