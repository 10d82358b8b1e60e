/** Echo's model knowledge the catalog does not hold: which ids take a thinking budget. */
export function isEchoReasoningModel(model: string): boolean {
  return model.startsWith('echo-think')
}
