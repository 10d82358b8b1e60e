/**
 * Azure OpenAI's data-plane API: `v1` is the current GA surface (/openai/v1/…, no dated
 * api-version, the deployment name goes in `model`). Dated versions (e.g. 2024-10-21, the last
 * dated GA) use /openai/deployments/{deployment}/…?api-version=… through the SDK's AzureOpenAI.
 */
export const AZURE_DEFAULT_API_VERSION = 'v1'

export function isAzureV1(apiVersion: string | undefined): boolean {
  const version = (apiVersion ?? AZURE_DEFAULT_API_VERSION).trim().toLowerCase()
  return version === '' || version === 'v1' || version === 'preview' || version === 'latest'
}
