export type { RetentionFacts, RetentionSchedule, SealBasis, VehicleFileStage } from './retention-schedule'
export {
  DEFAULT_DORMANCY_CLOCK,
  filesDueForDestructionReview,
  filesDueForSealing,
  retentionSchedule
} from './retention-schedule'
