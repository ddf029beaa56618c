/** The portal's calls to /api/v1/portal: JSON in, JSON out, Chinese messages on failure. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/portal${url}`, { credentials: 'omit', ...init });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'error',
      e?.message ?? '服务暂时不可用，请稍后再试',
      e?.fields ?? {},
    );
  }
  return body as T;
}

export const getJson = <T>(url: string) => send<T>(url, { method: 'GET' });

export const postJson = <T>(url: string, data: unknown) =>
  send<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });

/** JSON with files: multipart, the JSON in the field `data`, then the files. */
export function postForm<T>(url: string, data: unknown, files: File[]) {
  if (!files.length) return postJson<T>(url, data);
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const f of files) form.append('files', f, f.name);
  return send<T>(url, { method: 'POST', body: form });
}

export interface PublicStatus {
  title: string;
  receivedOn: string;
  stage: 'received' | 'handling' | 'declined' | 'replied' | 'concluded' | 'reviewing';
  stageLabel: string;
  acceptedOn: string | null;
  declinedOn: string | null;
  notice: string | null;
  reply: string | null;
  repliedOn: string | null;
  concludedOn: string | null;
  materials: { on: string }[];
  canAddMaterial: boolean;
  rating: number | null;
  canRate: boolean;
  review: { level: number; label: string; until: string | null; canRequest: boolean; problem: string | null };
}

export interface SubmissionResult {
  duplicate: boolean;
  receiptCode: string | null;
  orgName: string;
  status: PublicStatus;
}

/** Random bytes as base64url: works on plain HTTP too (crypto.randomUUID needs a secure context). */
export function randomKey(bytes = 16): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
