import type { FakeErrorKind } from '../fake-script'

/** The error namespaces Bedrock puts after the type in `x-amzn-ErrorType` (see the captures). */
export const BEDROCK_NS = 'http://internal.amazon.com/coral/com.amazon.bedrock/'
const CORAL_NS = 'http://internal.amazon.com/coral/com.amazon.coral.service/'

export interface BedrockErrorAnswer {
  status: number
  type: string
  namespace: string
  message: string
  /** Bedrock API-key failures answer with a capitalised `Message` field. */
  messageField?: 'message' | 'Message'
}

/** What real Bedrock answers for each scripted error kind (status, x-amzn-ErrorType, body). */
export function bedrockErrorFor(kind: FakeErrorKind, modelId: string): BedrockErrorAnswer {
  switch (kind) {
    case 'auth':
      return unrecognizedClient()
    case 'permission':
      return {
        status: 403,
        type: 'AccessDeniedException',
        namespace: BEDROCK_NS,
        message: "You don't have access to the model with the specified model ID.",
      }
    case 'rate_limit':
      return {
        status: 429,
        type: 'ThrottlingException',
        namespace: BEDROCK_NS,
        message: 'Too many requests, please wait before trying again.',
      }
    case 'quota':
      return {
        status: 429,
        type: 'ThrottlingException',
        namespace: BEDROCK_NS,
        message: 'Too many tokens per day, please wait before trying again.',
      }
    case 'context_length':
      return {
        status: 400,
        type: 'ValidationException',
        namespace: BEDROCK_NS,
        message:
          'The model returned the following errors: Input Tokens Exceeded: Number of input tokens exceeds maximum length. Please update the input to try again.',
      }
    case 'invalid_request':
      return {
        status: 400,
        type: 'ValidationException',
        namespace: BEDROCK_NS,
        message: `Invocation of model ID ${modelId} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
      }
    case 'not_found':
      return {
        status: 404,
        type: 'ResourceNotFoundException',
        namespace: BEDROCK_NS,
        message:
          'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
      }
    case 'content_filter':
      return {
        status: 400,
        type: 'ValidationException',
        namespace: BEDROCK_NS,
        message: 'This request has been blocked by our content filters.',
      }
    case 'overloaded':
      return {
        status: 503,
        type: 'ServiceUnavailableException',
        namespace: BEDROCK_NS,
        message: 'Bedrock is unable to process your request.',
      }
    case 'server':
      return {
        status: 500,
        type: 'InternalServerException',
        namespace: BEDROCK_NS,
        message:
          'The system encountered an unexpected error during processing. Try your request again.',
      }
  }
}

export function unrecognizedClient(): BedrockErrorAnswer {
  return {
    status: 403,
    type: 'UnrecognizedClientException',
    namespace: CORAL_NS,
    message: 'The security token included in the request is invalid.',
  }
}

export function signatureError(type: string, message: string): BedrockErrorAnswer {
  return { status: 403, type, namespace: CORAL_NS, message }
}

export function invalidApiKey(): BedrockErrorAnswer {
  return {
    status: 403,
    type: 'AccessDeniedException',
    namespace: BEDROCK_NS,
    message: 'Authentication failed: Please make sure your API Key is valid.',
    messageField: 'Message',
  }
}
