import { generateKeyPairSync, randomBytes } from 'node:crypto'

export interface TestServiceAccount {
  /** The key file's JSON fields, as Google issues them. */
  json: Record<string, string>
  /** The same, as text (what a connection's serviceAccountJson holds). */
  text: string
  clientEmail: string
  privateKey: string
  /** PEM (SPKI) public key the fake token endpoint verifies signatures with. */
  publicKey: string
}

/** A fresh RSA key pair and a service-account key file whose token_uri points at `tokenUri`. */
export function createTestServiceAccount(
  tokenUri: string,
  project = 'parallax-test',
): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const clientEmail = `parallax-${randomBytes(3).toString('hex')}@${project}.iam.gserviceaccount.com`
  const json = {
    type: 'service_account',
    project_id: project,
    private_key_id: randomBytes(20).toString('hex'),
    private_key: privateKey,
    client_email: clientEmail,
    client_id: String(100000000000000000000n + BigInt(randomBytes(6).readUIntBE(0, 6))),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: tokenUri,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
    universe_domain: 'googleapis.com',
  }
  return { json, text: JSON.stringify(json, null, 2), clientEmail, privateKey, publicKey }
}
