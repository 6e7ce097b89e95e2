import type { Platform } from './platform'

function toBlob(data: Uint8Array<ArrayBuffer>, type: string): Blob {
  return new Blob([data], { type })
}

export function createBrowserPlatform(doc: Document = document): Platform {
  return {
    kind: 'browser',
    async saveFile(suggestedName, data) {
      const url = URL.createObjectURL(toBlob(data, 'application/octet-stream'))
      const link = doc.createElement('a')
      link.href = url
      link.download = suggestedName
      doc.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      return true
    },
    openFile(filters) {
      return new Promise((resolve) => {
        const input = doc.createElement('input')
        input.type = 'file'
        if (filters) input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
        input.addEventListener('change', async () => {
          const file = input.files?.[0]
          resolve(file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null)
        })
        input.addEventListener('cancel', () => resolve(null))
        input.click()
      })
    },
    async printPdf(title, data) {
      const url = URL.createObjectURL(toBlob(data, 'application/pdf'))
      const opened = doc.defaultView?.open(url, '_blank')
      if (!opened) {
        const link = doc.createElement('a')
        link.href = url
        link.download = `${title}.pdf`
        link.click()
      }
      setTimeout(() => URL.revokeObjectURL(url), 120_000)
    }
  }
}
