import { DomainError } from '../model/domain-error'
import type { VehicleFile } from './vehicle-file'

// 一车一档: a VIN and an archive number each belong to exactly one file.

type Existing = Pick<VehicleFile, 'id' | 'vin' | 'archiveNo' | 'ownerName'>

export function duplicateVinError(existing: Existing): DomainError {
  return new DomainError(
    'VEHICLE_DUPLICATE_VIN',
    `车架号 ${existing.vin} 已建档：档案编号 ${existing.archiveNo}（车主 ${existing.ownerName}），一车只能有一个档案`,
    {
      existingId: existing.id,
      existingArchiveNo: existing.archiveNo,
      vin: existing.vin,
      ownerName: existing.ownerName,
      field: 'vin'
    }
  )
}

export function duplicateArchiveNoError(existing: Existing): DomainError {
  return new DomainError(
    'VEHICLE_DUPLICATE_ARCHIVE_NO',
    `档案编号 ${existing.archiveNo} 已被车架号 ${existing.vin} 的档案使用，请换一个编号`,
    {
      existingId: existing.id,
      existingArchiveNo: existing.archiveNo,
      vin: existing.vin,
      field: 'archiveNo'
    }
  )
}

// A file the operator may not see (机密/绝密) is still a duplicate, but the message names nothing of it
// (the `hidden` variant of the same refusal).

export function hiddenDuplicateVinError(): DomainError {
  return new DomainError('VEHICLE_DUPLICATE_VIN', '该车架号已建档（您无权查看该档案）', {
    field: 'vin',
    variant: 'hidden'
  })
}

export function hiddenDuplicateArchiveNoError(): DomainError {
  return new DomainError('VEHICLE_DUPLICATE_ARCHIVE_NO', '该档案编号已被使用（您无权查看该档案），请换一个编号', {
    field: 'archiveNo',
    variant: 'hidden'
  })
}
