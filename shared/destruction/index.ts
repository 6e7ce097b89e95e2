export type {
  DestroyedFilePersonalData,
  DestroyedFileRecord,
  DestructionActor,
  DestructionApproval,
  DestructionMethod,
  DestructionProposal
} from './destruction-approval'
export {
  approveDestruction,
  DESTRUCTION_APPROVAL_SEQUENCE,
  DESTRUCTION_METHODS,
  DESTRUCTION_PROPOSER_ROLES,
  destructionRecord,
  nextDestructionApprover,
  proposeDestruction
} from './destruction-approval'
export type { DestructionRow, DestructionStatus, FileErasure } from './destruction-register'
export {
  approveDestructionRow,
  DESTROYED_FILE_ERASED_FIELDS,
  DESTRUCTION_METHOD_LABELS,
  ERASED_OWNER_NAME,
  eraseDestroyedFile,
  newDestructionRow,
  proposalOf,
  recordDestructionRow,
  waitingApprover
} from './destruction-register'
