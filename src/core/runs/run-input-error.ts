/** A refused run request that names the input field at fault (the host answers invalid_input). */
export class RunInputError extends TypeError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
    this.name = 'RunInputError'
  }
}
