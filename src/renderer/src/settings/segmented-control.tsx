import { useId } from 'react'
import './segmented-control.css'

export interface SegmentOption<T extends string> {
  value: T
  label: string
}

interface SegmentedControlProps<T extends string> {
  legend: string
  /** The legend still names the group for screen readers. */
  hideLegend?: boolean
  value: T | undefined
  options: readonly SegmentOption<T>[]
  onChange(value: T): void
  disabled?: boolean
  testId?: string
}

/** A row of mutually exclusive choices: a radio group drawn as one segmented button. */
export function SegmentedControl<T extends string>({
  legend,
  hideLegend = false,
  value,
  options,
  onChange,
  disabled = false,
  testId,
}: SegmentedControlProps<T>) {
  const name = useId()
  return (
    <fieldset className="segmented" disabled={disabled} data-testid={testId}>
      <legend className={hideLegend ? 'visually-hidden' : 'segmented-legend'}>{legend}</legend>
      <div className="segmented-options">
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
