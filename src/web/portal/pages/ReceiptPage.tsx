import { useState } from 'react';
import type { SubmissionResult } from '../api';
import { Link } from '../router';

/** Copies text; the clipboard API needs HTTPS, so a selected text area is the fallback. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** 提交成功: the receipt code, big, shown this once. */
export function ReceiptPage({ result }: { result: SubmissionResult }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const code = result.receiptCode;
  return (
    <section className="receipt">
      <h1>{result.duplicate ? '该举报已提交' : '提交成功'}</h1>
      <p>
        您向{result.orgName}反映的“{result.status.title}”已于 {result.status.receivedOn} 收到
        {result.duplicate ? '（重复提交不会重复登记）' : ''}。
      </p>
      {code ? (
        <>
          <p className="label">您的查询码</p>
          <output className="code" aria-label="查询码">
            {code}
          </output>
          <p className="warn" role="alert">
            请务必抄写或截图保存查询码，它只显示这一次，丢失后无法找回
          </p>
          <button type="button" className="primary wide" onClick={async () => setCopied(await copy(code))}>
            {copied ? '已复制' : '复制查询码'}
          </button>
          {copied === false && <p className="hint">无法自动复制，请长按查询码手动复制或截图保存。</p>}
        </>
      ) : (
        <p className="warn">
          查询码只在第一次提交成功时显示。如果当时没有保存，请不要重复提交，可以重新填写一份举报。
        </p>
      )}
      <p className="hint">
        凭查询码可以查看办理进度、阅读答复、补充材料、评价办理结果，对答复不满意可在期限内申请复查。
      </p>
      <Link to="/portal/status" className="button wide">
        去查询进度
      </Link>
    </section>
  );
}
