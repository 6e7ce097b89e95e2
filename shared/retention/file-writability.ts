import { DomainError } from '../model/domain-error'
import type { VehicleFile } from '../vehicle/vehicle-file'

// A sealed file (封存, FAW-VW 四.2) is in the archive store and read-only; a destroyed one keeps only its
// record. Every command that changes a file or hangs a new archive on it asks this first, in the data
// layer, so no screen can get round it.

export function assertFileWritable(
  file: Pick<VehicleFile, 'archiveNo' | 'status'> & { sealLocation?: string | null }
): void {
  const { archiveNo } = file
  if (file.status === 'sealed') {
    const location = file.sealLocation ?? ''
    throw new DomainError('FILE_SEALED', `档案 ${archiveNo} 已封存（${location}），只能查看，不能修改`, {
      archiveNo,
      location
    })
  }
  if (file.status === 'destroyed')
    throw new DomainError('FILE_DESTROYED', `档案 ${archiveNo} 已销毁，只保留销毁记录，不能修改`, { archiveNo })
}
