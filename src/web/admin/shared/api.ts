/** The one way the admin UI talks to the server: JSON, the session cookie, the CSRF header, Chinese errors. */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public fields?: Record<string, string>,
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

export async function api<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = data?.error ?? {};
    if (res.status === 401 && !url.endsWith('/auth/login') && !url.endsWith('/auth/unlock'))
      window.dispatchEvent(new Event('jiandu:signed-out'));
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? `请求失败（${res.status}）`, e.fields);
  }
  return data as T;
}

/**
 * Downloads a file, keeping the server's file name: from a GET endpoint (exports), or — with a
 * body — from a POST one (a document asked for with a reason), sent as JSON with the CSRF header.
 */
export async function download(url: string, body?: unknown): Promise<void> {
  const res = await fetch(
    url,
    body === undefined
      ? { credentials: 'same-origin' }
      : {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify(body),
        },
  );
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(
      res.status,
      data?.error?.code ?? 'error',
      data?.error?.message ?? '下载失败',
      data?.error?.fields,
    );
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : 'download';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

export const qs = (params: Record<string, unknown>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Large lists stop counting at 10,000: `total` is then a lower bound. */
  totalCapped?: boolean;
}

/** The pager's total: "共 N 件", or "超过 10000 件" when the list stopped counting. */
export const totalText = (
  page: Pick<Page<unknown>, 'totalCapped'> | undefined,
  total: number,
  unit: string,
) => (page?.totalCapped ? `超过 ${total} ${unit}，请缩小筛选范围` : `共 ${total} ${unit}`);
