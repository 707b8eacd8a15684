// The detail drawer of a work order or event clicked anywhere on the desk.
import { reactive } from 'vue'
import type { PopEvent, PopWorkOrder } from '../api/types'

export type DetailKind = 'work-order' | 'event'

export const detailState = reactive<{ open: boolean; kind: DetailKind; item: PopWorkOrder | PopEvent | null }>({
  open: false,
  kind: 'work-order',
  item: null,
})

export function openDetail(kind: DetailKind, item: PopWorkOrder | PopEvent): void {
  detailState.kind = kind
  detailState.item = item
  detailState.open = true
}
