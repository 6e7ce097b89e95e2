import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import { AUDIT_KEY_BYTES } from './audit-chain'

// The desktop's audit key file (audit-key.json in the app-data folder): the key that seals the audit
// chain, kept by main. Read as parse → upgrade → schema like every stored document; a file from a newer
// app is refused, never guessed at, because a wrong key would make every sealed event look forged.

export interface AuditKeyFile {
  format: 'chedang-audit-key'
  /** The file's own first format number, kept as version 1 wrote it. */
  version: 1
  /** 'safeStorage': `data` is base64 of safeStorage.encryptString(hex key); 'none': `data` is the hex key. */
  protection: 'safeStorage' | 'none'
  data: string
}

/** The key in clear: 32 bytes as lower-case hex. */
export const HEX_KEY = new RegExp(`^[0-9a-f]{${AUDIT_KEY_BYTES * 2}}$`)

export const auditKeyDocument = defineStoredDocument<AuditKeyFile>({
  kind: 'auditKey',
  label: '审计密钥',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: z
    .object({
      format: z.literal('chedang-audit-key'),
      version: z.literal(1),
      protection: z.enum(['safeStorage', 'none']),
      data: z.string().min(1)
    })
    .refine((file) => file.protection !== 'none' || HEX_KEY.test(file.data), {
      message: '密钥不是 64 位十六进制数',
      path: ['data']
    })
})
