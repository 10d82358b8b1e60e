/**
 * The least an IAM identity needs for Parallax on Bedrock: calling models (Converse and
 * ConverseStream are authorized by these two Invoke actions) and listing them.
 */
export const bedrockPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ParallaxInvokeModels',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: '*',
    },
    {
      Sid: 'ParallaxListModels',
      Effect: 'Allow',
      Action: ['bedrock:ListFoundationModels', 'bedrock:ListInferenceProfiles'],
      Resource: '*',
    },
  ],
} as const

export const bedrockPolicyJson = JSON.stringify(bedrockPolicy, null, 2)
