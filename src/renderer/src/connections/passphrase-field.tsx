import type { Ref } from 'react'

interface PassphraseFieldProps {
  id: string
  label: string
  value: string
  onChange(value: string): void
  /** 'current-password' to let a password manager fill it, 'new-password' to suggest one. */
  autoComplete: 'current-password' | 'new-password'
  invalid?: boolean
  describedBy?: string | undefined
  inputRef?: Ref<HTMLInputElement>
  disabled?: boolean
}

/** One labelled password input; the value lives only in the form's state until it is sent. */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  invalid,
  describedBy,
  inputRef,
  disabled,
}: PassphraseFieldProps) {
  return (
    <div className="vault-form-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete={autoComplete}
        value={value}
        disabled={disabled}
        aria-invalid={invalid === true}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  )
}
