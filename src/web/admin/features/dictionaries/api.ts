import { api } from '../../shared/api';

export interface DictType {
  code: string;
  name: string;
  description: string | null;
  builtin: boolean;
  itemCount: number;
  enabledCount: number;
}

export interface DictItem {
  id: number;
  typeCode: string;
  code: string;
  label: string;
  sort: number;
  enabled: boolean;
  version: number;
  builtin: boolean;
}

export const fetchDictTypes = () => api<DictType[]>('GET', '/api/v1/dicts');
export const fetchDictItems = (type: string) => api<DictItem[]>('GET', `/api/v1/dicts/${type}/items`);
export const createDictItem = (type: string, body: { code: string; label: string; sort?: number }) =>
  api<DictItem>('POST', `/api/v1/dicts/${type}/items`, body);
export const updateDictItem = (item: DictItem, body: { label: string; sort?: number }) =>
  api<DictItem>('PUT', `/api/v1/dicts/${item.typeCode}/items/${item.id}`, { ...body, version: item.version });
export const setDictItemEnabled = (item: DictItem, enabled: boolean) =>
  api<DictItem>('PUT', `/api/v1/dicts/${item.typeCode}/items/${item.id}/enabled`, {
    enabled,
    version: item.version,
  });
export const deleteDictItem = (item: DictItem) =>
  api('DELETE', `/api/v1/dicts/${item.typeCode}/items/${item.id}`);
