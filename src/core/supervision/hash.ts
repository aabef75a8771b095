/** SHA-256 of the bytes as hex (Web Crypto, so the core needs no node:crypto). */
export async function createHashHex(bytes: Uint8Array): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}
