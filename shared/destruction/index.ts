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
