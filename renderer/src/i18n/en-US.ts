import type { Messages } from './zh-CN'

type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }

// English: complete, so a translation is never half a screen.
export const enUS: Translation<Messages> = {
  app: {
    name: 'CheDang',
    tagline: 'One vehicle, one file · Customer Care',
    browserMode: 'Browser mode',
    desktopMode: 'Desktop',
    storageNotPersisted: 'The browser did not grant persistent storage; clearing browser data could lose the archive. Use the desktop app or allow persistent storage for this site.',
    loading: 'Opening the archive…',
    openFailed: 'The archive could not be opened: {{reason}}'
  },
  nav: {
    files: 'Vehicle files',
    newFile: 'New file',
    settings: 'Settings',
    shortcutsHint: 'Ctrl+K search · Ctrl+N new'
  },
  list: {
    title: 'Vehicle files',
    searchPlaceholder: 'VIN (whole or last 6/7/8), plate, owner, phone, archive no.',
    searchLabel: 'Find a file',
    total: '{{count}} files',
    matches: '{{count}} found',
    truncated: 'More than {{count}} found; type more to narrow it down',
    noMatch: 'No file matches “{{query}}”',
    empty: 'No vehicle files yet. Click “New file” or press Ctrl+N to create the first.',
    keyboardHint: '↑↓ select · Enter open · scan a VIN barcode to look it up',
    columns: {
      archiveNo: 'Archive no.',
      vin: 'VIN',
      plate: 'Plate',
      owner: 'Owner',
      phone: 'Phone',
      vehicle: 'Series / model',
      origin: 'Origin',
      location: 'Location'
    }
  },
  origin: {
    sold_here: 'Sold here',
    serviced_only: 'Sold elsewhere · serviced here'
  },
  ownerKind: {
    individual: 'Individual',
    organisation: 'Organisation'
  },
  form: {
    newTitle: 'New vehicle file',
    editTitle: 'Edit vehicle file {{archiveNo}}',
    sections: {
      vehicle: 'Vehicle',
      owner: 'Owner',
      address: 'Address',
      contact: 'Contact person',
      location: 'Storage location',
      notes: 'Notes'
    },
    fields: {
      vin: 'VIN',
      archiveNo: 'Archive no.',
      plate: 'Plate',
      series: 'Series',
      model: 'Model',
      productCode: 'Product code',
      colour: 'Colour',
      registrationDate: 'Registration date',
      origin: 'Origin',
      ownerKind: 'Owner type',
      ownerNameIndividual: 'Owner name',
      ownerNameOrganisation: 'Organisation name',
      ownerIdIndividual: 'Resident ID no.',
      ownerIdOrganisation: 'Unified social credit code',
      ownerPhone: 'Owner phone',
      ownerPhone2: 'Second phone',
      province: 'Province',
      city: 'City',
      county: 'County / district',
      street: 'Street and number (rural: down to the village)',
      postcode: 'Postcode',
      contactName: 'Contact name',
      contactPhone: 'Contact phone',
      cabinet: 'Cabinet',
      shelf: 'Shelf',
      box: 'Box',
      notes: 'Notes'
    },
    hints: {
      vin: '17 characters, no I, O or Q; a barcode scan moves to the next field',
      archiveNo: 'Generated from the pattern in Settings; may be changed',
      plate: 'e.g. 吉A12345, 粤BD12345; leave empty before registration',
      registrationDate: 'e.g. 2026-03-05',
      ownerPhone: '11-digit mobile, or a landline with area code, e.g. 0431-85551234',
      ownerId: 'Optional; checked when filled in',
      location: 'Cabinet – shelf – box, filed left to right, top to bottom'
    },
    placeholders: {
      select: 'Select'
    },
    save: 'Save file',
    saving: 'Saving…',
    cancel: 'Cancel',
    saveShortcut: 'Enter next field · Ctrl+S save',
    duplicateLink: 'Open existing file {{archiveNo}}',
    errorSummary: '{{count}} fields need attention; see the ones marked in red',
    saved: 'File {{archiveNo}} saved',
    regionsLoading: 'Loading administrative divisions…'
  },
  detail: {
    notFound: 'This vehicle file was not found.',
    back: 'Back to list',
    edit: 'Edit',
    vehicle: 'Vehicle',
    owner: 'Owner',
    contact: 'Contact',
    storage: 'Storage',
    status: 'Status',
    statuses: {
      active: 'Active',
      sealed: 'Sealed',
      destroyed: 'Destroyed'
    },
    created: 'Created',
    updated: 'Last changed',
    history: 'History',
    noHistory: 'No changes recorded',
    archivesTitle: 'Sales and service archives',
    archivesEmpty: 'No sales or service archive has been received for this vehicle yet.',
    actions: {
      create: 'Created',
      update: 'Changed',
      'setting.change': 'Settings'
    },
    changedFields: 'Changed: {{fields}}'
  },
  settings: {
    title: 'Settings',
    dealership: 'Dealership',
    dealershipName: 'Dealership name',
    archiveNoPattern: 'Archive number pattern',
    archiveNoPatternHint: 'Placeholders: {YYYY} year {YY} 2-digit year {MM} month {DD} day {ORIGIN} origin (XS sales / WX service) {SEQ:5} sequence (3–8 digits)',
    preview: 'Next number, for example: {{sample}}',
    save: 'Save settings',
    saved: 'Settings saved',
    about: 'About',
    version: 'Version {{version}}',
    storage: 'Data is kept in this computer’s browser database (IndexedDB)'
  },
  errors: {
    unexpected: 'The action did not complete: {{message}}'
  }
}
