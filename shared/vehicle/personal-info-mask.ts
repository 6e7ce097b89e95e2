import { maskPhone, maskResidentId } from '../validation'
import type { PersonalInfoField, VehicleFile } from './vehicle-file'

// PIPL: lists and pages show ID numbers and phones masked; the full value needs a permission and a reason.

export function maskPersonalInfoValue(file: Pick<VehicleFile, 'ownerKind'>, field: PersonalInfoField, value: string | null): string | null {
  if (value === null) return null
  if (field === 'ownerIdNumber') {
    // An organisation's credit code is public business data, not personal information.
    return file.ownerKind === 'individual' ? maskResidentId(value) : value
  }
  return maskPhone(value)
}

export function maskVehicleFile(file: VehicleFile): VehicleFile {
  return {
    ...file,
    ownerIdNumber: maskPersonalInfoValue(file, 'ownerIdNumber', file.ownerIdNumber),
    ownerPhone: maskPersonalInfoValue(file, 'ownerPhone', file.ownerPhone) ?? '',
    ownerPhone2: maskPersonalInfoValue(file, 'ownerPhone2', file.ownerPhone2),
    contactPhone: maskPersonalInfoValue(file, 'contactPhone', file.contactPhone)
  }
}
