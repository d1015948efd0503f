import { useApiQuery } from '../../../api/query-client'

type ListChannel = 'workshop.technicians' | 'workshop.bays' | 'workshop.displayTokens'

/** A settings list, read again after every change in the workshop (this PC's writes and others'). */
export function useList<K extends ListChannel>(channel: K, input: Parameters<typeof useApiQuery<K>>[1]) {
  const query = useApiQuery(channel, input)
  return { rows: query.data ?? null, error: query.error?.message ?? null }
}
