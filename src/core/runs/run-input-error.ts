import { InputError } from '../errors/domain-errors'

/** A refused run request that names the input field at fault (the host answers invalid_input). */
export class RunInputError extends InputError {
  override name = 'RunInputError'
  constructor(message: string, field: string) {
    super(message, { field })
  }
}
